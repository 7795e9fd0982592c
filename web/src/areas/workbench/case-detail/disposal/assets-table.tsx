import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TCaseAsset, TCaseLot, TValuation } from '../../../../api/disposal.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { assetTypeKey } from '../inquiry/labels.ts';
import { measureKey, methodKey, valuationStateColor, valuationStateKey } from './labels.ts';
import { roundAfter } from './lot-rules.ts';

/**
 * What the team may do next with an asset, and the lot a new one would follow (a failed round or a
 * default); the server decides, this only offers the buttons.
 */
export function nextStepOf(
  asset: TCaseAsset,
  valuation: TValuation | null,
  lots: TCaseLot[],
): { step: 'startValuation' } | { step: 'createLot'; previous: TCaseLot | null } | null {
  if (!valuation || valuation.state === 'failed') return { step: 'startValuation' };
  if (valuation.state !== 'priced') return null;
  const last = lots.filter((l) => l.assetId === asset.assetId).at(-1) ?? null;
  if (!last) return { step: 'createLot', previous: null };
  return roundAfter(last) ? { step: 'createLot', previous: last } : null;
}

/**
 * 查封、扣押财产: each asset of the case under seal or seizure, the 30 days to start its reference
 * price, its latest valuation and the next step.
 */
export function AssetsTable({
  assets,
  valuations,
  lots,
  canAct,
  onStartValuation,
  onCreateLot,
  onShowValuation,
}: {
  assets: TCaseAsset[];
  valuations: TValuation[];
  lots: TCaseLot[];
  canAct: boolean;
  onStartValuation: (asset: TCaseAsset) => void;
  onCreateLot: (valuation: TValuation, previous: TCaseLot | null) => void;
  onShowValuation: (valuation: TValuation) => void;
}) {
  const { t } = useI18n();
  const valuationOf = (asset: TCaseAsset) => valuations.find((v) => v.id === asset.valuationId) ?? null;
  return (
    <Table<TCaseAsset>
      rowKey="assetId"
      size="small"
      dataSource={assets}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('disposal.assets.empty') }}
      data-testid="disposal-assets"
      columns={[
        {
          key: 'asset',
          title: t('disposal.asset'),
          render: (_, a) => {
            const key = assetTypeKey(a.assetType);
            return (
              <Flex vertical>
                <span>
                  <Tag>{key ? t(key) : a.assetType}</Tag>
                  <Typography.Text className="tabular-nums">{a.identifier}</Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.description}
                </Typography.Text>
              </Flex>
            );
          },
        },
        {
          key: 'measure',
          title: t('disposal.measure'),
          width: 130,
          render: (_, a) => (
            <Flex vertical>
              <span>
                <Tag color="blue">{t(measureKey(a.measureKind))}</Tag>
              </span>
              <Typography.Text type="secondary" className="tabular-nums" style={{ fontSize: 12 }}>
                {a.controlledOn}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'startDue',
          title: (
            <Tooltip title={t('disposal.startDueHint')}>
              <span>{t('disposal.startDue')}</span>
            </Tooltip>
          ),
          width: 130,
          render: (_, a) => (
            <Flex vertical>
              <span className="tabular-nums">{a.startDueOn}</span>
              {a.isStartLate ? (
                <span>
                  <Tag color="red">{t('disposal.startLate')}</Tag>
                </span>
              ) : null}
            </Flex>
          ),
        },
        {
          key: 'valuation',
          title: t('disposal.valuation'),
          width: 180,
          render: (_, a) => {
            const v = valuationOf(a);
            if (!v) return <Typography.Text type="secondary">{t('disposal.valuation.none')}</Typography.Text>;
            return (
              <Flex vertical align="flex-start">
                <Tag
                  color={valuationStateColor[v.state]}
                  data-testid="asset-valuation-state"
                  data-state={v.state}
                >
                  {t(valuationStateKey(v.state))}
                </Tag>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onShowValuation(v)}>
                  {t(methodKey(v.method))}
                </Button>
              </Flex>
            );
          },
        },
        {
          key: 'reference',
          title: t('disposal.referencePrice'),
          align: 'right',
          width: 150,
          render: (_, a) => <MoneyText fen={a.referencePriceFen} strong />,
        },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 130,
          render: (_, a) => {
            if (!canAct) return null;
            const v = valuationOf(a);
            const next = nextStepOf(a, v, lots);
            if (next?.step === 'startValuation') {
              return (
                <Button
                  size="small"
                  onClick={() => onStartValuation(a)}
                  data-testid={`start-valuation-${a.assetId}`}
                >
                  {t('disposal.startValuation')}
                </Button>
              );
            }
            if (next?.step === 'createLot' && v) {
              return (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => onCreateLot(v, next.previous)}
                  data-testid={`create-lot-${a.assetId}`}
                >
                  {t('disposal.createLot')}
                </Button>
              );
            }
            return null;
          },
        },
      ]}
    />
  );
}
