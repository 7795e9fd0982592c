import { App, Button, Card, Flex, Popconfirm, Progress, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useFieldSync } from '../field-sync.tsx';
import { formatBytes } from '../format-bytes.ts';
import { useFieldText } from '../use-field-text.ts';
import { removeOutboxRecord, updateOutboxRecord } from './outbox-store.ts';
import type { OutboxRecord } from './outbox-types.ts';
import { QueuedThumb } from './queued-thumb.tsx';
import { useSyncStatus } from './use-outbox.ts';

/** A record kept on the device and not yet on the server: its state, progress, and what to do. */
export function QueuedRecordCard({ record, showCase }: { record: OutboxRecord; showCase?: boolean }) {
  const text = useFieldText();
  const { pickMessage } = useI18n();
  const { message } = App.useApp();
  const sync = useFieldSync();
  const status = useSyncStatus();
  const current = status.current?.clientKey === record.clientKey ? status.current : null;
  const state = record.state === 'failed' ? 'failed' : current ? 'syncing' : 'queued';
  const size = record.files.reduce((sum, f) => sum + f.size, 0);
  const retry = async () => {
    await updateOutboxRecord(record.clientKey, (r) => ({ ...r, state: 'queued', error: null }));
    await sync();
  };
  const discard = async () => {
    await removeOutboxRecord(record.clientKey).catch((error: unknown) => {
      message.error(error instanceof Error ? error.message : String(error));
    });
  };
  return (
    <Card
      size="small"
      data-testid="field-queued-record"
      data-state={state}
      data-client-key={record.clientKey}
    >
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong className="tabular-nums">
          {showCase ? record.caseNumber : formatDateTime(record.input.capturedAt)}
        </Typography.Text>
        <Tag
          color={state === 'failed' ? 'error' : state === 'syncing' ? 'processing' : 'warning'}
          style={{ marginInlineEnd: 0 }}
          data-testid="field-queued-state"
        >
          {text(`field.queued.state.${state}`)}
        </Tag>
      </Flex>
      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 6 }}>
        {record.input.note}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          showCase ? formatDateTime(record.input.capturedAt) : '',
          record.files.length > 0
            ? text('field.queued.files', { count: record.files.length, size: formatBytes(size) })
            : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      {record.files.length > 0 ? (
        <ul className="field-thumbs" style={{ marginTop: 8 }}>
          {record.files.map((f) => (
            <QueuedThumb key={f.index} clientKey={record.clientKey} file={f} />
          ))}
        </ul>
      ) : null}
      {current && current.totalBytes > 0 ? (
        <Progress
          percent={Math.floor((current.sentBytes / current.totalBytes) * 100)}
          size="small"
          aria-label={text('field.syncing')}
        />
      ) : null}
      {record.state === 'failed' ? (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Typography.Text type="danger" data-testid="field-queued-error">
            {record.error ? pickMessage(record.error) : ''}
          </Typography.Text>
          <Flex gap={8}>
            <Button size="small" type="primary" onClick={() => void retry()}>
              {text('field.queued.retry')}
            </Button>
            <Popconfirm title={text('field.queued.discardConfirm')} onConfirm={() => void discard()}>
              <Button size="small" danger>
                {text('field.queued.discard')}
              </Button>
            </Popconfirm>
          </Flex>
        </Flex>
      ) : null}
    </Card>
  );
}
