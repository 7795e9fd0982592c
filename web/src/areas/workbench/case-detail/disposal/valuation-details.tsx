import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { TValuation, TValuationReport } from '../../../../api/disposal.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { AppraisalPart } from './appraisal-part.tsx';
import {
  failureReasonKey,
  platformStateColor,
  platformStateKey,
  valuationStateColor,
  valuationStateKey,
} from './labels.ts';
import { ObjectionsPart } from './objections-part.tsx';

/**
 * One valuation: its deadlines, the platforms asked and their reports (on time or late, set aside
 * on objection), the reference price and how long it is valid; for an appraisal the lottery and the
 * appraisers in order.
 */
export function ValuationDetails({
  valuation,
  canAct,
  canDecide = false,
  parties = [],
}: {
  valuation: TValuation;
  canAct: boolean;
  /** The case judge or a court leader: decides objections. */
  canDecide?: boolean;
  parties?: { id: string; name: string }[];
}) {
  const { t, pickMessage } = useI18n();
  const v = valuation;
  const failureText = (reason: string) => {
    const key = failureReasonKey(reason);
    return key ? t(key) : reason;
  };
  return (
    <Flex vertical gap={12} data-testid="valuation-details" data-valuation-id={v.id} data-state={v.state}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'state',
            label: t('disposal.lot.state'),
            children: (
              <Tag color={valuationStateColor[v.state]} data-testid="valuation-state" data-state={v.state}>
                {t(valuationStateKey(v.state))}
              </Tag>
            ),
          },
          {
            key: 'reference',
            label: t('disposal.referencePrice'),
            children: (
              <span data-testid="valuation-reference" data-fen={v.referencePriceFen ?? ''}>
                <MoneyText fen={v.referencePriceFen} strong />
              </span>
            ),
          },
          { key: 'startedOn', label: t('disposal.startedOn'), children: v.startedOn },
          ...(v.inquiryDueOn
            ? [
                {
                  key: 'due',
                  label: t('disposal.inquiryDueOn'),
                  children: (
                    <span>
                      {v.inquiryDueOn}
                      {v.isExtended ? (
                        <Tag style={{ marginInlineStart: 6 }}>{t('disposal.isExtended')}</Tag>
                      ) : null}
                    </span>
                  ),
                },
              ]
            : []),
          ...(v.pricedOn ? [{ key: 'pricedOn', label: t('disposal.pricedOn'), children: v.pricedOn }] : []),
          ...(v.validUntil
            ? [{ key: 'validUntil', label: t('disposal.validUntil'), children: v.validUntil }]
            : []),
          ...(v.objectionDueOn
            ? [{ key: 'objectionDueOn', label: t('disposal.objectionDueOn'), children: v.objectionDueOn }]
            : []),
          ...(v.failureReason
            ? [{ key: 'failure', label: t('disposal.failureReason'), children: failureText(v.failureReason) }]
            : []),
        ]}
      />
      {v.platforms.length > 0 ? (
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary">{t('disposal.platforms')}：</Typography.Text>
          {v.platforms.map((p) => (
            <Tag key={p.platform} color={platformStateColor[p.state]}>
              {pickMessage(p.platformName)} · {t(platformStateKey(p.state))}
            </Tag>
          ))}
        </Flex>
      ) : null}
      {v.method === 'onlineInquiry' || (v.method === 'appraisal' && v.reports.length > 0) ? (
        <ReportsTable valuation={v} />
      ) : null}
      {v.method === 'onlineInquiry' && v.state === 'priced' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('disposal.reports.average')}
        </Typography.Text>
      ) : null}
      {v.appraisal ? <AppraisalPart valuation={v} canAct={canAct} /> : null}
      <ObjectionsPart valuation={v} canAct={canAct} canDecide={canDecide} parties={parties} />
    </Flex>
  );
}

function ReportsTable({ valuation }: { valuation: TValuation }) {
  const { t, pickMessage } = useI18n();
  return (
    <Table<TValuationReport>
      rowKey="platform"
      size="small"
      dataSource={valuation.reports}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('disposal.reports.empty') }}
      data-testid="valuation-reports"
      title={() => <Typography.Text strong>{t('disposal.reports')}</Typography.Text>}
      columns={[
        {
          key: 'platform',
          title: t('disposal.report.platform'),
          render: (_, r) => pickMessage(r.platformName),
        },
        {
          key: 'price',
          title: t('disposal.report.price'),
          align: 'right',
          render: (_, r) => <MoneyText fen={r.priceFen} />,
        },
        {
          key: 'number',
          title: t('disposal.report.number'),
          render: (_, r) => <span className="tabular-nums">{r.reportNumber ?? '—'}</span>,
        },
        {
          key: 'reportedAt',
          title: t('disposal.report.reportedAt'),
          render: (_, r) => <span className="tabular-nums">{formatDateTime(r.reportedAt)}</span>,
        },
        {
          key: 'receivedAt',
          title: t('disposal.report.receivedAt'),
          render: (_, r) => <span className="tabular-nums">{formatDateTime(r.receivedAt)}</span>,
        },
        {
          key: 'onTime',
          title: t('disposal.report.timeliness'),
          render: (_, r) => (
            <Flex gap={4} wrap>
              <Tag
                color={r.onTime ? 'green' : 'red'}
                data-testid="report-on-time"
                data-on-time={String(r.onTime)}
              >
                {t(r.onTime ? 'disposal.report.onTime' : 'disposal.report.late')}
              </Tag>
              {r.isExcluded ? <Tag color="default">{t('disposal.report.excluded')}</Tag> : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}
