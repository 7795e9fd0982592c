import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useVisitProgress } from '../../api/service.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useServiceText } from './use-service-text.ts';

/**
 * 答复进度: read from the case when the officer asks (the read is audited) — what the party portal
 * shows, and the sentences to read to the visitor.
 */
export function ProgressPanel({ visitId }: { visitId: string }) {
  const { pick } = useI18n();
  const text = useServiceText();
  const [isAsked, setIsAsked] = useState(false);
  const progress = useVisitProgress(visitId, isAsked);

  if (!isAsked)
    return (
      <Button icon={<SearchOutlined />} onClick={() => setIsAsked(true)} data-testid="progress-read">
        {text('service.readProgress')}
      </Button>
    );
  if (progress.isError) return <ErrorAlert error={progress.error} />;
  const p = progress.data;
  if (!p) return <Typography.Text type="secondary">…</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid="progress">
      {p.visitorSeat ? (
        <Alert
          type="info"
          showIcon
          title={text('service.visitorSeat', { seat: text(`service.seat.${p.visitorSeat}`) })}
        />
      ) : (
        <Alert type="warning" showIcon title={text('service.visitorNotParty')} />
      )}
      <Card size="small" title={text('service.script')}>
        <List
          size="small"
          dataSource={p.script}
          renderItem={(line) => (
            <List.Item>
              <Typography.Text data-testid="progress-line">{line}</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={text('service.receiptCase')}>{p.caseNumber}</Descriptions.Item>
        <Descriptions.Item label={text('service.status')}>{pick(p.statusLabel)}</Descriptions.Item>
        <Descriptions.Item label={text('service.claim')}>
          <MoneyText fen={p.claimFen} />
        </Descriptions.Item>
        <Descriptions.Item label={text('service.recovered')}>
          <MoneyText fen={p.recoveredFen} />
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
