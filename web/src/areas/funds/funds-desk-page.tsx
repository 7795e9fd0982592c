import { ReloadOutlined } from '@ant-design/icons';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Flex, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { fundsKeys, useCourtDisbursements, useCourtPayoutDelays, useUnmatched } from '../../api/funds.ts';
import { hasAnyRole, useCurrentUser } from '../../app/current-user.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/index.ts';
import { DisbursementsTab, PendingTab } from './disbursements-tab.tsx';
import { MonthlyReportTab } from './monthly-report-tab.tsx';
import { PayoutDelaysTab } from './payout-delays-tab.tsx';
import { ReconciliationTab } from './reconciliation-tab.tsx';
import { UnmatchedTab } from './unmatched-tab.tsx';

const tabKeys = ['pending', 'delays', 'disbursements', 'unmatched', 'reconciliation', 'monthly'] as const;
type TabKey = (typeof tabKeys)[number];

/** The desk's lists (not one case's funds, which its own tab refreshes). */
const isDeskQuery = (queryKey: readonly unknown[]) =>
  queryKey[0] === fundsKeys.all[0] && queryKey[1] !== 'case';

/**
 * 执行款管理: the court's money across cases — disbursements awaiting a leader and those past
 * them, payout delays (延期发放) to decide, the claim queue (待认领款项), reconciliation with the bank, and the monthly report. A
 * leader lands on what waits for them; the officers on the claim queue.
 */
export function FundsDeskPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const isLeader = hasAnyRole(user, 'courtLeader');
  const tab: TabKey =
    tabKeys.find((key) => key === searchParams.get('tab')) ?? (isLeader ? 'pending' : 'unmatched');
  // The counts on the tabs; the same queries feed the lists.
  const pending = useCourtDisbursements('pending');
  const pendingDelays = useCourtPayoutDelays('pendingApproval');
  const unmatched = useUnmatched();
  const fetching = useIsFetching({ predicate: (query) => isDeskQuery(query.queryKey) });

  const label = (text: string, count: number | undefined) => (
    <Flex align="center" gap={6}>
      {text}
      {count ? <Badge count={count} overflowCount={999} color={isLeader ? 'gold' : 'blue'} /> : null}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('funds.desk.title')}
        subtitle={user.court.name}
        extra={
          <Button
            icon={<ReloadOutlined />}
            loading={fetching > 0}
            onClick={() =>
              queryClient.invalidateQueries({ predicate: (query) => isDeskQuery(query.queryKey) })
            }
            data-testid="desk-refresh"
          >
            {t('funds.refresh')}
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(searchParams);
            next.set('tab', key);
            setSearchParams(next, { replace: true });
          }}
          items={[
            {
              key: 'pending',
              label: label(t('funds.desk.tab.pending'), pending.data?.length),
              children: <PendingTab />,
            },
            {
              key: 'delays',
              label: label(t('funds.desk.tab.delays'), pendingDelays.data?.items.length),
              children: <PayoutDelaysTab />,
            },
            {
              key: 'disbursements',
              label: t('funds.desk.tab.disbursements'),
              children: <DisbursementsTab />,
            },
            {
              key: 'unmatched',
              label: label(t('funds.desk.unmatched'), unmatched.data?.items.length),
              children: <UnmatchedTab />,
            },
            {
              key: 'reconciliation',
              label: t('funds.desk.tab.reconciliation'),
              children: <ReconciliationTab />,
            },
            { key: 'monthly', label: t('funds.desk.tab.monthly'), children: <MonthlyReportTab /> },
          ]}
        />
      </Card>
    </>
  );
}
