import { Card, Empty, Flex, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { fieldCasesPageSize } from '../../../api/field.ts';
import { useCurrentUser } from '../../../app/current-user.tsx';
import { PageSpin } from '../../../app/page-spin.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useFieldCases } from '../field-queries.ts';
import { OfflineCopyNote } from '../offline-copy-note.tsx';
import { QueuedRecordCard } from '../outbox/queued-record-card.tsx';
import { useMyOutbox } from '../outbox/use-outbox.ts';
import { useFieldText } from '../use-field-text.ts';
import { FieldCaseCardView } from './field-case-card.tsx';

/** 移动执行's first page: the records waiting on this device, then the officer's open cases as cards. */
export function FieldHomePage() {
  const text = useFieldText();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const cases = useFieldCases(q);
  const queued = useMyOutbox(user.id);
  useEffect(() => {
    document.title = `${text('field.brand')} · 执行`;
  }, [text]);

  return (
    <Flex vertical gap={16}>
      {queued.length > 0 ? (
        <section aria-labelledby="field-queued-title">
          <Typography.Title level={2} id="field-queued-title" style={{ fontSize: 16, margin: '0 0 8px' }}>
            {text('field.queued.title')}
          </Typography.Title>
          <ul className="field-list" data-testid="field-queued-list">
            {queued.map((r) => (
              <li key={r.clientKey}>
                <QueuedRecordCard record={r} showCase />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="field-cases-title">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={2} id="field-cases-title" style={{ fontSize: 18, margin: 0 }}>
            {text('field.home.title')}
          </Typography.Title>
          <Input.Search
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
            placeholder={text('field.home.search')}
            aria-label={text('field.home.search')}
            style={{ maxWidth: 260 }}
            data-testid="field-search"
          />
        </Flex>
        {cases.isPending ? (
          <PageSpin />
        ) : cases.isError ? (
          <QueryError error={cases.error} onRetry={() => cases.refetch()} />
        ) : (
          <Flex vertical gap={8}>
            <OfflineCopyNote savedAt={cases.data.savedAt} />
            {cases.data.value.length === 0 ? (
              <Card>
                <Empty description={text('field.home.empty')} />
              </Card>
            ) : (
              <ul className="field-list field-list-wide" data-testid="field-case-list">
                {cases.data.value.map((item) => (
                  <li key={item.id}>
                    <FieldCaseCardView item={item} />
                  </li>
                ))}
              </ul>
            )}
            {!q && cases.data.value.length >= fieldCasesPageSize - 5 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text('field.home.more', { count: cases.data.value.length })}
              </Typography.Text>
            ) : null}
          </Flex>
        )}
      </section>
    </Flex>
  );
}
