import { FormOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { usePropertyReports } from '../../../../api/procedures.ts';
import { useCurrentUser } from '../../../../app/current-user.tsx';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { ObligationCard } from './obligation-card.tsx';
import { PaperReportModal } from './paper-report-modal.tsx';

/**
 * 报告财产 on the case page: each respondent's obligation under the property report order, what
 * they reported (portal or paper), the differences from the online inquiry in red, and the
 * proposals a breach calls for; the judge, assistant or clerk enters a report filed on paper.
 */
export function ReportsPanel({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const reports = usePropertyReports(detail.id);
  const [isEntering, setEntering] = useState(false);
  const { judge, assistant, clerk } = detail.team;
  const canEnter = [judge?.id, assistant?.id, clerk?.id].includes(user.id);

  if (reports.isPending) return <PageSpin />;
  if (reports.isError) return <QueryError error={reports.error} onRetry={() => reports.refetch()} />;
  const items = reports.data.items;

  return (
    <Flex vertical gap={12} data-testid="reports-panel">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Paragraph type="secondary" style={{ margin: 0, flex: 1, minWidth: 280 }}>
          {t('reports.intro')}
        </Typography.Paragraph>
        {canEnter && items.length > 0 ? (
          <Button icon={<FormOutlined />} onClick={() => setEntering(true)} data-testid="paper-report-open">
            {t('reports.paper')}
          </Button>
        ) : null}
      </Flex>
      {items.length === 0 ? <Empty description={t('reports.none')} /> : null}
      {items.map((o) => (
        <ObligationCard key={o.id} obligation={o} />
      ))}
      <PaperReportModal detail={detail} isOpen={isEntering} onClose={() => setEntering(false)} />
    </Flex>
  );
}
