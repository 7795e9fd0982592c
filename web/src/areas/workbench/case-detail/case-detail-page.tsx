import { EditOutlined, FileDoneOutlined, RedoOutlined } from '@ant-design/icons';
import { Badge, Breadcrumb, Button, Card, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TCaseDetail } from '../../../../../src/modules/cases/contracts.ts';
import { restorableClosingType, useCase } from '../../../api/cases.ts';
import { PageSpin } from '../../../app/page-spin.tsx';
import { CaseStatusTag } from '../../../components/case-status-tag.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useFlagLabel } from '../code-labels.ts';
import { AdditionsPanel } from './additions/additions-panel.tsx';
import { CaseSummary } from './case-summary.tsx';
import { ChecklistPanel } from './checklist-panel.tsx';
import { CloseCaseModal } from './close-case-modal.tsx';
import { CommandPanel } from './command/command-panel.tsx';
import { CreditPanel } from './credit-panel.tsx';
import { DeadlinesPanel } from './deadlines-panel.tsx';
import { DisposalPanel } from './disposal/disposal-panel.tsx';
import { DocumentsPanel } from './documents/documents-panel.tsx';
import { DossierPanel } from './documents/dossier-panel.tsx';
import { FundsPanel } from './funds/funds-panel.tsx';
import { InquiryPanel } from './inquiry/inquiry-panel.tsx';
import { NodesPanel } from './nodes-panel.tsx';
import { PartiesPanel } from './parties-panel.tsx';
import { PartyRequestsPanel, PartyRequestsTabLabel } from './party-requests/party-requests-panel.tsx';
import { ReportsPanel } from './procedures/reports-panel.tsx';
import { SettlementPanel } from './procedures/settlement-panel.tsx';
import { RatingCard } from './rating/rating-card.tsx';
import { RecordNodeModal } from './record-node-modal.tsx';
import { RestoreCaseModal } from './restore-case-modal.tsx';
import { SelfDisposalPanel } from './self-disposal/self-disposal-panel.tsx';
import { TeamPanel } from './team-panel.tsx';

const tabKeys = [
  'parties',
  'team',
  'nodes',
  'deadlines',
  'checklist',
  'documents',
  'dossier',
  'credit',
  'inquiry',
  'disposal',
  'selfDisposal',
  'funds',
  'settlement',
  'propertyReports',
  'additions',
  'command',
  'partyRequests',
] as const;
type TabKey = (typeof tabKeys)[number];
type OpenModal = 'node' | 'close' | 'restore' | null;

function readTab(value: string | null): TabKey {
  return tabKeys.find((key) => key === value) ?? 'parties';
}

function canRestore(detail: TCaseDetail): boolean {
  return (
    detail.status === 'closed' && detail.closing?.closingType === restorableClosingType && !detail.restoredTo
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return <CaseDetailView key={query.data.id} detail={query.data} />;
}

function CaseDetailView({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const flagLabel = useFlagLabel();
  const [searchParams, setSearchParams] = useSearchParams();
  const [openModal, setOpenModal] = useState<OpenModal>(null);
  const tab = readTab(searchParams.get('tab'));
  const isClosed = detail.status === 'closed';
  const overdue = detail.deadlines.filter((deadline) => deadline.state === 'overdue').length;
  const unmet = detail.terminationChecklist.filter((item) => !item.satisfied).length;

  const actions = [
    !isClosed && detail.nodeKinds.length > 0 ? (
      <Button
        key="node"
        type="primary"
        icon={<EditOutlined />}
        onClick={() => setOpenModal('node')}
        data-testid="record-node-button"
      >
        {t('case.nodes.record')}
      </Button>
    ) : null,
    !isClosed && detail.closingTypes.length > 0 ? (
      <Button
        key="close"
        icon={<FileDoneOutlined />}
        onClick={() => setOpenModal('close')}
        data-testid="close-case-button"
      >
        {t('case.close.button')}
      </Button>
    ) : null,
    canRestore(detail) ? (
      <Button
        key="restore"
        type="primary"
        icon={<RedoOutlined />}
        onClick={() => setOpenModal('restore')}
        data-testid="restore-case-button"
      >
        {t('case.restore.button')}
      </Button>
    ) : null,
  ];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/workbench">{t('nav.workbench')}</Link> }, { title: detail.caseNumber }]}
      />
      <PageHeader
        title={
          <span data-testid="case-number" className="tabular-nums">
            {detail.caseNumber}
          </span>
        }
        tags={
          <>
            <CaseStatusTag status={detail.status} />
            {detail.triage ? (
              <Tag color={detail.triage === 'complex' ? 'volcano' : 'green'}>
                {t(`triage.${detail.triage}`)}
              </Tag>
            ) : null}
            {detail.flags.map((flag) => (
              <Tag key={flag}>{flagLabel(flag)}</Tag>
            ))}
          </>
        }
        extra={actions}
      />
      <CaseSummary detail={detail} />
      <RatingCard caseId={detail.id} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          // Fifteen tabs: a narrower gutter keeps them in one row on a 1440-pixel screen.
          tabBarGutter={20}
          onChange={(key) =>
            setSearchParams(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'parties',
              label: t('case.tab.parties'),
              children: (
                <PartiesPanel
                  caseId={detail.id}
                  applicants={detail.applicants}
                  respondents={detail.respondents}
                  canCorrect={detail.isTeamMember && detail.status !== 'closed'}
                />
              ),
            },
            { key: 'team', label: t('case.tab.team'), children: <TeamPanel detail={detail} /> },
            {
              key: 'nodes',
              label: `${t('case.tab.nodes')} (${detail.nodes.length})`,
              children: <NodesPanel nodes={detail.nodes} />,
            },
            {
              key: 'deadlines',
              label: (
                <Badge count={overdue} size="small" offset={[8, -2]}>
                  {t('case.tab.deadlines')}
                </Badge>
              ),
              children: <DeadlinesPanel deadlines={detail.deadlines} />,
            },
            {
              key: 'checklist',
              label: (
                <Badge count={isClosed ? 0 : unmet} size="small" color="orange" offset={[8, -2]}>
                  {t('case.tab.checklist')}
                </Badge>
              ),
              children: <ChecklistPanel items={detail.terminationChecklist} />,
            },
            { key: 'documents', label: t('documents.tab'), children: <DocumentsPanel detail={detail} /> },
            { key: 'dossier', label: t('dossier.tab'), children: <DossierPanel detail={detail} /> },
            { key: 'credit', label: t('case.tab.credit'), children: <CreditPanel detail={detail} /> },
            { key: 'inquiry', label: t('case.tab.inquiry'), children: <InquiryPanel detail={detail} /> },
            { key: 'disposal', label: t('disposal.tab'), children: <DisposalPanel detail={detail} /> },
            {
              key: 'selfDisposal',
              label: t('selfDisposal.tab'),
              children: <SelfDisposalPanel detail={detail} />,
            },
            { key: 'funds', label: t('case.tab.funds'), children: <FundsPanel detail={detail} /> },
            { key: 'settlement', label: t('settlement.tab'), children: <SettlementPanel detail={detail} /> },
            { key: 'propertyReports', label: t('reports.tab'), children: <ReportsPanel detail={detail} /> },
            { key: 'additions', label: t('additions.tab'), children: <AdditionsPanel detail={detail} /> },
            { key: 'command', label: t('command.case.tab'), children: <CommandPanel detail={detail} /> },
            {
              key: 'partyRequests',
              label: <PartyRequestsTabLabel caseId={detail.id} />,
              children: <PartyRequestsPanel caseId={detail.id} />,
            },
          ]}
        />
      </Card>
      <RecordNodeModal detail={detail} isOpen={openModal === 'node'} onClose={() => setOpenModal(null)} />
      <CloseCaseModal detail={detail} isOpen={openModal === 'close'} onClose={() => setOpenModal(null)} />
      <RestoreCaseModal detail={detail} isOpen={openModal === 'restore'} onClose={() => setOpenModal(null)} />
    </>
  );
}
