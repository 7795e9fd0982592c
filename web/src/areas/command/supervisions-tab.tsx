import { Col, Row, Statistic } from 'antd';
import { useSupervisions } from '../../api/command.ts';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { SupervisionsTable } from './supervisions-table.tsx';

/** 督办台账: the court's supervisions with their counts; reports are read by expanding a row. */
export function SupervisionsTab({
  court,
  courtNames,
}: {
  court: string;
  courtNames: ReadonlyMap<string, string>;
}) {
  const { t } = useI18n();
  const ledger = useSupervisions(court);
  if (ledger.isError && !ledger.data)
    return <QueryError error={ledger.error} onRetry={() => ledger.refetch()} />;
  const stats = ledger.data?.statistics;
  const cells = [
    { key: 'total', label: t('command.supervision.total'), value: stats?.total },
    { key: 'open', label: t('command.supervision.state.open'), value: stats?.open },
    { key: 'reported', label: t('command.supervision.state.reported'), value: stats?.reported },
    { key: 'overdue', label: t('command.overdue'), value: stats?.overdue, danger: true },
  ];
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 12 }} data-testid="supervision-statistics">
        {cells.map((cell) => (
          <Col key={cell.key} xs={12} md={6}>
            <Statistic
              title={cell.label}
              value={cell.value ?? 0}
              loading={ledger.isPending}
              styles={{
                content: {
                  fontSize: 22,
                  color: cell.danger && (cell.value ?? 0) > 0 ? '#cf1322' : undefined,
                },
              }}
              data-testid={`supervision-stat-${cell.key}`}
            />
          </Col>
        ))}
      </Row>
      <SupervisionsTable
        items={ledger.data?.items ?? []}
        loading={ledger.isFetching}
        courtNames={courtNames}
      />
    </>
  );
}
