import { Breadcrumb, Card, Collapse, Flex, Grid, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { type TPartyCase, usePartyCase } from '../../../api/party.ts';
import { usePortalPropertyReport } from '../../../api/procedures.ts';
import { PageSpin } from '../../../app/page-spin.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { DeliveryLog } from '../notices/delivery-log.tsx';
import { useDocumentTitle } from '../use-document-title.ts';
import { CaseSummaryCard } from './case-summary-card.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { EnforcementSection } from './enforcement-section.tsx';
import { ProgressSection } from './progress-section.tsx';
import { PropertyReportSection } from './property-report-section.tsx';
import { RequestsSection } from './requests-section.tsx';

const tabKeys = ['progress', 'enforcement', 'documents', 'propertyReport', 'requests', 'deliveries'] as const;
type TabKey = (typeof tabKeys)[number];

function readTab(value: string | null): TabKey {
  return tabKeys.find((key) => key === value) ?? 'progress';
}

/** One case of the person's: its progress, what was done and paid, and what they sent the team. */
export function CasePage() {
  const { id = '' } = useParams();
  const query = usePartyCase(id);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return <CaseView detail={query.data} />;
}

function CaseView({ detail }: { detail: TPartyCase }) {
  const { t, pick } = useI18n();
  useDocumentTitle(detail.caseNumber);
  const [params, setParams] = useSearchParams();
  const tab = readTab(params.get('tab'));
  const isPhone = Grid.useBreakpoint().sm === false;
  // 报告财产: the respondent's (a lawyer's only when they act for the respondent: the server says).
  const propertyReport = usePortalPropertyReport(detail.id, detail.role !== 'applicant');
  const hasPropertyReport =
    detail.role === 'respondent' || (detail.role === 'lawyer' && propertyReport.isSuccess);
  const openTab = (key: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('tab', key);
        return updated;
      },
      { replace: true },
    );
  const label = (key: TabKey, text: string) => <span data-testid={`my-section-${key}`}>{text}</span>;
  const sections = [
    {
      key: 'progress',
      label: label('progress', t('my.tab.progress')),
      children: <ProgressSection detail={detail} />,
    },
    {
      key: 'enforcement',
      label: label('enforcement', t('my.tab.enforcement')),
      children: <EnforcementSection detail={detail} />,
    },
    {
      key: 'documents',
      label: label('documents', t('my.tab.documents')),
      children: <DocumentsSection caseId={detail.id} />,
    },
    ...(hasPropertyReport
      ? [
          {
            key: 'propertyReport',
            label: label('propertyReport', t('my.tab.propertyReport')),
            children: <PropertyReportSection caseId={detail.id} query={propertyReport} />,
          },
        ]
      : []),
    {
      key: 'requests',
      label: label('requests', t('my.tab.requests')),
      children: <RequestsSection caseId={detail.id} />,
    },
    {
      key: 'deliveries',
      label: label('deliveries', t('my.tab.deliveries')),
      children: <DeliveryLog caseId={detail.id} />,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[{ title: <Link to="/my">{t('my.cases.title')}</Link> }, { title: detail.caseNumber }]}
      />
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }} className="tabular-nums">
          <span data-testid="my-case-number">{detail.caseNumber}</span>
        </Typography.Title>
        <Tag color={detail.status === 'closed' ? 'default' : 'processing'}>{pick(detail.statusLabel)}</Tag>
        <Tag>{t(`my.role.${detail.role}`)}</Tag>
      </Flex>
      <CaseSummaryCard detail={detail} />
      {isPhone ? (
        // On a phone the sections do not fit one row of tabs (antd would fold some into a
        // "more" button inside the tab list, which screen readers cannot follow): a collapse.
        // One section open at a time, kept by hand: antd's `accordion` makes the list a tablist
        // whose panels are not allowed there (WAI-ARIA), so each header stays a plain button.
        <Collapse
          activeKey={[tab]}
          onChange={(keys) => {
            const next = keys.find((key) => key !== tab);
            if (next) openTab(next);
          }}
          items={sections}
          style={{ background: '#fff' }}
        />
      ) : (
        <Card styles={{ body: { paddingTop: 4 } }}>
          <Tabs activeKey={tab} onChange={openTab} items={sections} />
        </Card>
      )}
    </Flex>
  );
}
