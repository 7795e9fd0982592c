import { FundProjectionScreenOutlined, ReloadOutlined } from '@ant-design/icons';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Col, Row, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { commandKeys, useIndicators, useTrend } from '../../api/command.ts';
import { DatePicker } from '../../components/date-picker.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { dateFormat, toDateString } from '../../lib/dates.ts';
import { serverToday } from '../../lib/server-clock.ts';
import { ChildCourtsTable } from './child-courts-table.tsx';
import { CourtPicker, useCourtChain, useCourtNames } from './court-picker.tsx';
import { EntrustmentsPanel } from './entrustments-panel.tsx';
import { FailingPanel } from './failing-panel.tsx';
import { IndicatorCards } from './indicator-cards.tsx';
import { PetitionsTab } from './petitions-tab.tsx';
import { SupervisionsTab } from './supervisions-tab.tsx';
import { TrendChart } from './trend-chart.tsx';
import { deskTabs, useDeskScope } from './use-desk-scope.ts';
import { WarningsTab } from './warnings-tab.tsx';

const isAfterToday = (value: dayjs.Dayjs) => toDateString(value) > serverToday();

/**
 * 执行指挥中心: the "3+1" core indicators of a court against their targets, the courts below it
 * (drill down to any of them, walk back up by the breadcrumb), the trend by month, and the
 * centre's work — the cases failing an indicator (督办 from there), the supervision ledger,
 * entrustments between courts and petitions.
 */
export function CommandDeskPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const desk = useDeskScope();
  const { scope } = desk;
  const indicators = useIndicators(scope);
  const trend = useTrend(scope);
  const chain = useCourtChain(scope.court);
  const courtNames = useCourtNames();
  const fetching = useIsFetching({ queryKey: commandKeys.all });

  if (indicators.isError && !indicators.data)
    return <QueryError error={indicators.error} onRetry={() => indicators.refetch()} />;
  const data = indicators.data;
  const children = data?.children ?? [];
  const hasChildren = children.length > 0;
  const courtName = data?.court.name ?? chain.at(-1)?.name ?? scope.court;

  return (
    <>
      <PageHeader
        title={t('command.desk.title')}
        subtitle={
          <span data-testid="command-court-name">
            {courtName} · {t('command.period', { from: scope.from, to: scope.to })}
          </span>
        }
        extra={
          <>
            <CourtPicker value={scope.court} onChange={desk.setCourt} />
            <DatePicker.RangePicker
              value={[dayjs(scope.from, dateFormat), dayjs(scope.to, dateFormat)]}
              format={dateFormat}
              allowClear={false}
              disabledDate={isAfterToday}
              onChange={(range) => {
                const [from, to] = range ?? [];
                desk.setPeriod(from && to ? { from: toDateString(from), to: toDateString(to) } : null);
              }}
              data-testid="command-period"
            />
            <Button
              icon={<ReloadOutlined />}
              loading={fetching > 0}
              onClick={() => queryClient.invalidateQueries({ queryKey: commandKeys.all })}
            >
              {t('command.refresh')}
            </Button>
            <Button
              icon={<FundProjectionScreenOutlined />}
              href={`/command/screen?court=${encodeURIComponent(scope.court)}`}
              target="_blank"
              data-testid="command-open-screen"
            >
              {t('command.screen.open')}
            </Button>
          </>
        }
      />
      {chain.length > 1 ? (
        <Breadcrumb
          style={{ marginTop: -8, marginBottom: 12 }}
          data-testid="command-breadcrumb"
          items={chain.map((court, index) => ({
            key: court.id,
            title:
              index === chain.length - 1 ? (
                <Typography.Text strong>{court.name}</Typography.Text>
              ) : (
                <Typography.Link
                  onClick={() => desk.setCourt(court.courtCode)}
                  data-testid={`crumb-${court.courtCode}`}
                >
                  {court.name}
                </Typography.Link>
              ),
          }))}
        />
      ) : null}
      <IndicatorCards
        indicators={data?.indicators ?? []}
        loading={indicators.isPending}
        onShowFailing={desk.showFailing}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {hasChildren ? (
          <Col xs={24} xl={14}>
            <Card size="small" title={t('command.children.title')} style={{ height: '100%' }}>
              <ChildCourtsTable items={children} loading={indicators.isFetching} onDrill={desk.setCourt} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} xl={hasChildren ? 10 : 24}>
          <Card size="small" title={t('command.trend.title')} style={{ height: '100%' }}>
            <TrendChart trend={trend.data} height={hasChildren ? 300 : 260} />
          </Card>
        </Col>
      </Row>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={desk.tab}
          onChange={(key) => desk.setTab(deskTabs.find((tab) => tab === key) ?? 'failing')}
          items={[
            {
              key: 'failing',
              label: t('command.tab.failing'),
              children: (
                <FailingPanel
                  key={`${scope.court}|${scope.from}|${scope.to}|${desk.indicator}`}
                  scope={scope}
                  indicator={desk.indicator}
                  onIndicatorChange={desk.setIndicator}
                  courtNames={courtNames}
                />
              ),
            },
            {
              key: 'supervisions',
              label: t('command.tab.supervisions'),
              children: <SupervisionsTab court={scope.court} courtNames={courtNames} />,
            },
            {
              key: 'entrustments',
              label: t('command.tab.entrustments'),
              children: <EntrustmentsPanel court={scope.court} />,
            },
            {
              key: 'petitions',
              label: t('command.tab.petitions'),
              children: <PetitionsTab court={scope.court} />,
            },
            {
              key: 'warnings',
              label: t('command.tab.warnings'),
              children: <WarningsTab court={scope.court} courtNames={courtNames} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
