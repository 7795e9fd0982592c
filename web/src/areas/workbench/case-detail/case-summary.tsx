import { Alert, Card, Descriptions, type DescriptionsProps, Progress, Space, Typography } from 'antd';
import { Link } from 'react-router';
import type { TCaseDetail } from '../../../../../src/modules/cases/contracts.ts';
import { MoneyText } from '../../../components/money-text.tsx';
import { useI18n } from '../../../i18n/index.ts';

function recoveredPercent(detail: TCaseDetail): number {
  if (detail.claimAmountFen <= 0) return 0;
  return Math.min(100, Math.round((detail.recoveredFen / detail.claimAmountFen) * 1000) / 10);
}

/** The facts an officer looks for first: court, dates, claim and recovery, basis, closing. */
export function CaseSummary({ detail }: { detail: TCaseDetail }) {
  const { t, pick } = useI18n();
  const { basis, closing } = detail;

  const items: DescriptionsProps['items'] = [
    { key: 'court', label: t('case.court'), children: `${detail.court.name}（${detail.court.courtCode}）` },
    {
      key: 'filedOn',
      label: t('case.filedOn'),
      children: <span className="tabular-nums">{detail.filedOn}</span>,
    },
    {
      key: 'judge',
      label: t('case.judge'),
      children: detail.team.judge?.displayName ?? t('workbench.unassigned'),
    },
    { key: 'claim', label: t('case.claim'), children: <MoneyText fen={detail.claimAmountFen} strong /> },
    {
      key: 'recovered',
      label: t('case.recovered'),
      children: (
        <Space size={12}>
          <MoneyText fen={detail.recoveredFen} />
          <Progress percent={recoveredPercent(detail)} size="small" style={{ width: 120, margin: 0 }} />
        </Space>
      ),
    },
    {
      key: 'basis',
      label: t('case.basis'),
      children: (
        <span>
          {t(`basisKind.${basis.kind}`)} · {basis.documentNumber}
          <Typography.Text type="secondary">
            {' '}
            · {basis.issuedBy} · {t('case.basisEffective', { date: basis.effectiveDate })}
          </Typography.Text>
        </span>
      ),
    },
  ];
  if (closing) {
    items.push(
      { key: 'closing', label: t('case.closingType'), children: pick(closing.label) || closing.closingType },
      {
        key: 'closedOn',
        label: t('case.closedOn'),
        children: <span className="tabular-nums">{closing.closedOn}</span>,
      },
      { key: 'reason', label: t('case.closingReason'), children: closing.reason || '—' },
    );
  }

  return (
    <Card style={{ marginBottom: 16 }}>
      {detail.restoredFrom ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="restored-from"
          title={
            <span>
              {t('case.restoredFrom')}{' '}
              <Link to={`/cases/${detail.restoredFrom.id}`}>{detail.restoredFrom.caseNumber}</Link>
            </span>
          }
        />
      ) : null}
      {detail.restoredTo ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="restored-to"
          title={
            <span>
              {t('case.restoredTo')}{' '}
              <Link to={`/cases/${detail.restoredTo.id}`}>{detail.restoredTo.caseNumber}</Link>
            </span>
          }
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}
