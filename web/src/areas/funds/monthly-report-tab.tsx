import { DownloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Flex, Form, Row, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatYuan } from '../../../../src/kernel/index.ts';
import { monthlyReportExportUrl, type TWaitingCase, useMonthlyReport } from '../../api/funds.ts';
import { DatePicker } from '../../components/date-picker.tsx';
import { MoneyText } from '../../components/money-text.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';
import { dateFormat } from '../../lib/dates.ts';
import { serverToday } from '../../lib/server-clock.ts';
import { payoutLightColor, payoutLightKey } from '../workbench/case-detail/funds/labels.ts';

const monthFormat = 'YYYY-MM';

/** This month on the server's clock (China date), as the month picker's value. */
function currentMonth(): Dayjs {
  return dayjs(serverToday(), dateFormat).startOf('month');
}

/** A figure of the month: an amount, a count, or both. */
function Figure({
  label,
  fen,
  count,
  testId,
}: {
  label: MessageKey;
  fen?: number;
  count?: number;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={t(label)}
        value={fen ?? count ?? 0}
        formatter={() => (
          <span className="tabular-nums">
            {fen === undefined ? t('funds.monthly.count', { n: count ?? 0 }) : `¥${formatYuan(fen)}`}
          </span>
        )}
        styles={{ content: { fontSize: 20 } }}
        data-testid={testId}
        data-fen={fen}
        data-count={count}
      />
      {fen !== undefined && count !== undefined ? (
        <Typography.Text type="secondary" className="tabular-nums">
          {t('funds.monthly.count', { n: count })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

/**
 * 月报: the court's money of one month (China time) — in, fees, paid, failed, unclaimed at month
 * end — and the cases whose money still waits with their payout light; the same as an Excel file.
 */
export function MonthlyReportTab() {
  const { t } = useI18n();
  const [picked, setPicked] = useState<Dayjs>(currentMonth);
  const month = picked.format(monthFormat);
  const report = useMonthlyReport(month);
  const data = report.data;

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Form layout="inline">
          <Form.Item label={t('funds.monthly.month')} style={{ marginInlineEnd: 0 }}>
            <DatePicker
              picker="month"
              format={monthFormat}
              value={picked}
              allowClear={false}
              disabledDate={(value) => value.isAfter(currentMonth(), 'month')}
              onChange={(value) => {
                if (value) setPicked(value);
              }}
              data-testid="monthly-month"
            />
          </Form.Item>
        </Form>
        <Button icon={<DownloadOutlined />} href={monthlyReportExportUrl(month)} data-testid="monthly-export">
          {t('funds.monthly.export')}
        </Button>
      </Flex>
      {report.isError && !data ? (
        <QueryError error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={8} xl={5}>
              <Figure
                label="funds.monthly.received"
                fen={data?.receivedFen ?? 0}
                count={data?.receipts ?? 0}
                testId="monthly-received"
              />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Figure label="funds.monthly.fees" fen={data?.feesFen ?? 0} testId="monthly-fees" />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Figure
                label="funds.monthly.paid"
                fen={data?.paidFen ?? 0}
                count={data?.payouts ?? 0}
                testId="monthly-paid"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Figure label="funds.monthly.failed" count={data?.failedPayouts ?? 0} testId="monthly-failed" />
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Figure
                label="funds.monthly.unmatched"
                fen={data?.unmatchedFen ?? 0}
                count={data?.unmatched ?? 0}
                testId="monthly-unmatched"
              />
            </Col>
          </Row>
          <Card size="small" title={`${t('funds.monthly.waiting')} (${data?.waiting.length ?? 0})`}>
            <Typography.Paragraph type="secondary">{t('funds.monthly.waitingHint')}</Typography.Paragraph>
            <WaitingTable items={data?.waiting ?? []} loading={report.isPending} />
          </Card>
        </>
      )}
    </>
  );
}

function WaitingTable({ items, loading }: { items: TWaitingCase[]; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Table<TWaitingCase>
      rowKey="caseId"
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t('funds.monthly.waitingEmpty') }}
      pagination={items.length > 20 ? { pageSize: 20, size: 'small' } : false}
      data-testid="monthly-waiting"
      columns={[
        {
          key: 'caseNumber',
          title: t('funds.desk.caseNumber'),
          render: (_, w) => (
            <Link to={`/cases/${w.caseId}?tab=funds`} className="tabular-nums">
              {w.caseNumber}
            </Link>
          ),
        },
        {
          key: 'waiting',
          title: t('funds.monthly.waitingFen'),
          align: 'right',
          width: 160,
          render: (_, w) => <MoneyText fen={w.waitingFen} strong />,
        },
        {
          key: 'since',
          title: t('funds.monthly.since'),
          width: 130,
          render: (_, w) => <span className="tabular-nums">{w.since ?? '—'}</span>,
        },
        {
          key: 'light',
          title: t('funds.monthly.light'),
          width: 120,
          render: (_, w) => (
            <Badge
              status={payoutLightColor[w.light]}
              text={t(payoutLightKey(w.light))}
              data-testid="waiting-light"
              data-light={w.light}
            />
          ),
        },
      ]}
    />
  );
}
