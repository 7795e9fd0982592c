import { Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { ApplicationForm } from './application-form.tsx';
import { ClueForm } from './clue-form.tsx';
import { MessageForm } from './message-form.tsx';
import { RequestList } from './request-list.tsx';

type FormKind = 'clue' | 'message' | 'application';

/** What the person sends the team (a clue, a message, an application), and the answers so far. */
export function RequestsSection({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<FormKind>('clue');
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex vertical gap={12}>
          <Segmented<FormKind>
            block
            value={kind}
            onChange={setKind}
            aria-label={t('my.requests.choose')}
            data-testid="my-request-kind"
            options={[
              { value: 'clue', label: t('my.requests.clue') },
              { value: 'message', label: t('my.requests.message') },
              { value: 'application', label: t('my.requests.application') },
            ]}
          />
          {kind === 'clue' ? <ClueForm caseId={caseId} /> : null}
          {kind === 'message' ? <MessageForm caseId={caseId} /> : null}
          {kind === 'application' ? <ApplicationForm caseId={caseId} /> : null}
        </Flex>
      </Card>
      <section aria-labelledby="my-requests-title">
        <Typography.Title level={2} id="my-requests-title" style={{ fontSize: 16 }}>
          {t('my.requests.title')}
        </Typography.Title>
        <RequestList caseId={caseId} />
      </section>
    </Flex>
  );
}
