import { WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import type {
  TDifference,
  TDifferenceCode,
  TObligationStatus,
  TTeamObligation,
} from '../../../../api/procedures.ts';
import { ReportItemsTable } from '../../../../components/report-items-table.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';

export const obligationStatusColor: Record<TObligationStatus, string> = {
  awaiting: 'processing',
  reported: 'success',
  late: 'error',
  refused: 'error',
};

// What the comparison flags: concealment and late changes red, what is to be verified orange.
const differenceColor: Record<TDifferenceCode, string> = {
  notReported: 'red',
  changeReportedLate: 'red',
  valueDiffers: 'volcano',
  notFound: 'orange',
};

function DifferenceItem({ difference: d }: { difference: TDifference }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="report-difference" data-code={d.code}>
      <Flex vertical gap={2}>
        <Flex gap={8} align="center" wrap>
          <Tag color={differenceColor[d.code]} icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
            {pick(d)}
          </Tag>
          <Typography.Text>{t(`reports.kind.${d.kind}`)}</Typography.Text>
          <Typography.Text strong>{d.description}</Typography.Text>
        </Flex>
        <Typography.Text type="secondary" className="tabular-nums">
          {[d.institution, d.identifier].filter(Boolean).join(' · ')}
          {d.reportedValueFen !== null
            ? ` · ${t('reports.reportedValue', { value: money(d.reportedValueFen) })}`
            : ''}
          {d.foundValueFen !== null ? ` · ${t('reports.foundValue', { value: money(d.foundValueFen) })}` : ''}
        </Typography.Text>
      </Flex>
    </div>
  );
}

function money(fen: number): string {
  return `¥${formatYuan(fen)}`;
}

/**
 * One respondent's obligation to report: its period and status, the items reported (every report
 * together), the changes stated, the differences from the online inquiry, and the proposals.
 */
export function ObligationCard({ obligation: o }: { obligation: TTeamObligation }) {
  const { t, pick } = useI18n();
  return (
    <Card
      size="small"
      data-testid="report-obligation"
      data-status={o.status}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{o.respondentName}</span>
          <Tag color={obligationStatusColor[o.status]} data-testid="report-status">
            {t(`reports.status.${o.status}`)}
          </Tag>
          {o.isReportedLate ? <Tag color="error">{t('reports.reportedLate')}</Tag> : null}
          {o.source ? <Tag>{t(`reports.source.${o.source}`)}</Tag> : null}
        </Flex>
      }
      extra={
        <Typography.Text type="secondary" className="tabular-nums">
          {t('reports.orderedOn', { date: o.orderedOn })} · {t('reports.dueOn', { date: o.dueOn })}
        </Typography.Text>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('reports.changesSince', { date: o.changesSince })}
        </Typography.Text>
        {o.refusedAt ? (
          <Alert type="error" showIcon title={t('reports.refusal', { note: o.refusalNote ?? '' })} />
        ) : null}
        {o.reports.length > 0 ? <ReportItemsTable items={o.items} /> : null}
        {o.reports.map((r) => (
          <Typography.Paragraph key={r.id} style={{ margin: 0 }}>
            <Typography.Text type="secondary" className="tabular-nums">
              {formatDateTime(r.reportedAt)} · {r.reportedBy} · {t('reports.changesLabel')}
            </Typography.Text>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.changesSinceOneYearBefore}</span>
          </Typography.Paragraph>
        ))}
        {o.status === 'reported' || o.differences.length > 0 ? (
          <Flex vertical gap={8} data-testid="report-differences">
            <Typography.Text strong>{t('reports.differences')}</Typography.Text>
            {o.differences.length === 0 ? (
              <Typography.Text type="secondary">{t('reports.noDifferences')}</Typography.Text>
            ) : null}
            {o.differences.map((d) => (
              <DifferenceItem
                key={`${d.code}:${d.kind}:${d.identifier ?? ''}:${d.description}`}
                difference={d}
              />
            ))}
          </Flex>
        ) : null}
        {o.proposals.length > 0 ? (
          <Flex vertical gap={8} data-testid="report-proposals">
            <Typography.Text strong>{t('reports.proposals')}</Typography.Text>
            {o.proposals.map((p) => (
              <Alert
                key={`${p.kind}:${p.ground ?? ''}`}
                type="warning"
                showIcon
                title={pick(p)}
                description={p.basis}
              />
            ))}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
