import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type TVisit, useVisitStatistics, useVisits, visitPurposes } from '../../api/service.ts';
import { DatePicker } from '../../components/date-picker.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { dateFormat, formatDateTime, toDateString } from '../../lib/dates.ts';
import { serverToday } from '../../lib/server-clock.ts';
import { visitorRoleLabels, visitPurposeLabels } from './messages.ts';
import { useServiceText } from './use-service-text.ts';

type VisitLogCardProps = {
  on: string;
  onChangeDay: (on: string) => void;
  currentId: string | null;
  onPick: (visit: TVisit) => void;
};

/** 来访登记簿: the visits of a day, each opened again at the counter with one click; the last 30 days counted. */
export function VisitLogCard({ on, onChangeDay, currentId, onPick }: VisitLogCardProps) {
  const { pick } = useI18n();
  const text = useServiceText();
  const visits = useVisits(on);
  const today = serverToday();
  const stats = useVisitStatistics(dayjs(today, dateFormat).subtract(29, 'day').format(dateFormat), today);

  return (
    <Card
      size="small"
      title={text('service.log')}
      extra={
        <DatePicker
          value={dayjs(on, dateFormat)}
          allowClear={false}
          onChange={(value) => value && onChangeDay(toDateString(value))}
          aria-label={text('service.log')}
          data-testid="visit-log-day"
        />
      }
    >
      {stats.data ? (
        <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="visit-stats">
          <Typography.Text type="secondary">
            {text('service.stats')}：
            {text('service.statsTotal', {
              total: stats.data.total,
              receipts: stats.data.receipts,
              meetings: stats.data.meetings,
            })}
          </Typography.Text>
          {visitPurposes.map((purpose) => (
            <Tag key={purpose}>
              {pick(visitPurposeLabels[purpose])}{' '}
              {stats.data.byPurpose.find((p) => p.purpose === purpose)?.count ?? 0}
            </Tag>
          ))}
        </Flex>
      ) : null}
      {visits.isError ? (
        <QueryError error={visits.error} onRetry={() => visits.refetch()} />
      ) : (
        <Table<TVisit>
          size="small"
          rowKey="id"
          loading={visits.isLoading}
          dataSource={visits.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: text('service.empty') }}
          onRow={(visit) => ({ 'data-testid': 'visit-row', 'data-visit-id': visit.id }) as object}
          columns={[
            {
              title: text('service.arrivedAt'),
              dataIndex: 'arrivedAt',
              width: 150,
              render: (value: string) => <span className="tabular-nums">{formatDateTime(value)}</span>,
            },
            {
              title: text('service.visitor'),
              render: (_, visit) => (
                <span>
                  {visit.visitor.name}
                  <Typography.Text type="secondary">
                    （{pick(visitorRoleLabels[visit.visitor.role])}）
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: text('service.purpose'),
              render: (_, visit) => pick(visitPurposeLabels[visit.purpose]),
            },
            {
              title: text('service.caseNumber'),
              render: (_, visit) => visit.case?.caseNumber ?? '—',
            },
            {
              title: text('service.handled'),
              render: (_, visit) => (
                <Flex gap={4} wrap>
                  {visit.receipts.length > 0 ? (
                    <Tag color="processing">{text('service.receipts', { count: visit.receipts.length })}</Tag>
                  ) : null}
                  {visit.meetings.length > 0 ? (
                    <Tag color="processing">{text('service.meetings', { count: visit.meetings.length })}</Tag>
                  ) : null}
                  <Tag color={visit.state === 'closed' ? 'default' : 'success'}>
                    {text(`service.state.${visit.state}`)}
                  </Tag>
                </Flex>
              ),
            },
            {
              title: '',
              width: 80,
              render: (_, visit) => (
                <Button
                  size="small"
                  type={visit.id === currentId ? 'primary' : 'default'}
                  onClick={() => onPick(visit)}
                  data-testid="visit-pick"
                >
                  {text('service.select')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
