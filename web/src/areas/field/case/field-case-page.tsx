import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useCurrentUser } from '../../../app/current-user.tsx';
import { PageSpin } from '../../../app/page-spin.tsx';
import { CaseStatusTag } from '../../../components/case-status-tag.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { CaptureForm } from '../capture/capture-form.tsx';
import { useFieldCase, useFieldRecords } from '../field-queries.ts';
import { OfflineCopyNote } from '../offline-copy-note.tsx';
import { QueuedRecordCard } from '../outbox/queued-record-card.tsx';
import { useMyOutbox } from '../outbox/use-outbox.ts';
import { useFieldText } from '../use-field-text.ts';
import { RecordCard } from './record-card.tsx';
import { RespondentsBlock } from './respondents-block.tsx';
import { TeamBlock } from './team-block.tsx';

/** A case on site: whom to find and where, the team, a new record, and the records made so far. */
export function FieldCasePage() {
  const { id = '' } = useParams();
  const text = useFieldText();
  const user = useCurrentUser();
  const detail = useFieldCase(id);
  const records = useFieldRecords(id);
  const queued = useMyOutbox(user.id, id);
  const [isCapturing, setIsCapturing] = useState(false);
  const caseNumber = detail.data?.value.caseNumber;
  useEffect(() => {
    if (caseNumber) document.title = `${caseNumber} · ${text('field.brand')}`;
  }, [caseNumber, text]);

  if (detail.isPending) return <PageSpin />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  const fieldCase = detail.data.value;
  const canRecord = fieldCase.team.some((o) => o.id === user.id);
  const serverRecords = [...(records.data?.value ?? [])].sort((a, b) =>
    b.capturedAt.localeCompare(a.capturedAt),
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title
          level={1}
          className="tabular-nums"
          style={{ fontSize: 20, margin: 0 }}
          data-testid="field-case-number"
        >
          {fieldCase.caseNumber}
        </Typography.Title>
        <CaseStatusTag status={fieldCase.status} />
      </Flex>
      <OfflineCopyNote savedAt={detail.data.savedAt} />
      <RespondentsBlock respondents={fieldCase.respondents} />
      <TeamBlock team={fieldCase.team} />
      {isCapturing ? (
        <CaptureForm fieldCase={fieldCase} onDone={() => setIsCapturing(false)} />
      ) : canRecord ? (
        <Button
          type="primary"
          size="large"
          block
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setIsCapturing(true)}
          data-testid="field-new-record"
        >
          {text('field.case.newRecord')}
        </Button>
      ) : (
        <Alert type="info" showIcon title={text('field.case.notTeam')} />
      )}
      <section aria-labelledby="field-records-title">
        <Typography.Title level={2} id="field-records-title" style={{ fontSize: 16, margin: '4px 0 8px' }}>
          {text('field.case.records')}
        </Typography.Title>
        {records.data ? <OfflineCopyNote savedAt={records.data.savedAt} /> : null}
        {records.isError ? <QueryError error={records.error} onRetry={() => records.refetch()} /> : null}
        {records.isPending ? <PageSpin /> : null}
        {queued.length === 0 && serverRecords.length === 0 && !records.isPending ? (
          <Card size="small">
            <Empty description={text('field.case.noRecords')} />
          </Card>
        ) : (
          <ul className="field-list" data-testid="field-records">
            {queued.map((r) => (
              <li key={r.clientKey}>
                <QueuedRecordCard record={r} />
              </li>
            ))}
            {serverRecords
              // A record sent but still in the outbox for a moment is shown once.
              .filter((r) => !queued.some((q) => q.clientKey === r.clientKey))
              .map((r) => (
                <li key={r.id}>
                  <RecordCard record={r} />
                </li>
              ))}
          </ul>
        )}
      </section>
    </Flex>
  );
}
