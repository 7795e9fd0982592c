import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import {
  type TCaseAsset,
  type TCaseLot,
  type TValuation,
  useCaseLots,
  useCaseValuations,
} from '../../../../api/disposal.ts';
import { hasAnyRole, useCurrentUser } from '../../../../app/current-user.tsx';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { MoneyText } from '../../../../components/money-text.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { assetTypeKey } from '../inquiry/labels.ts';
import { AssetsTable } from './assets-table.tsx';
import { CreateLotModal } from './create-lot-modal.tsx';
import { methodKey, valuationStateColor, valuationStateKey } from './labels.ts';
import { type DecisionKind, LotDecisionModal } from './lot-decision-modal.tsx';
import { LotsTable } from './lots-table.tsx';
import { StartValuationModal } from './start-valuation-modal.tsx';
import { ValuationDetails } from './valuation-details.tsx';

/**
 * 处置 on the case page: the sealed and seized assets with their 30 days to start a reference price
 * (参考价规定 2018), the valuations with their reports, and the lots announced from a fixed price
 * (网拍规定 2016) with a link to each lot's public page. The case team starts valuations and
 * announces lots; anyone who sees the case sees them. Open valuations and lots in bidding are
 * followed by themselves.
 */
export function DisposalPanel({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const valuations = useCaseValuations(detail.id);
  const lots = useCaseLots(detail.id);
  const [starting, setStarting] = useState<TCaseAsset | null>(null);
  const [announcing, setAnnouncing] = useState<{ valuation: TValuation; previous: TCaseLot | null } | null>(
    null,
  );
  const [openIds, setOpenIds] = useState<string[] | null>(null);
  const [deciding, setDeciding] = useState<{ lot: TCaseLot; kind: DecisionKind } | null>(null);

  if (valuations.isPending) return <PageSpin />;
  if (valuations.isError) return <QueryError error={valuations.error} onRetry={() => valuations.refetch()} />;
  const { items, assets } = valuations.data;
  const lotItems = lots.data?.items ?? [];
  const canAct = detail.isTeamMember && detail.status !== 'closed';
  // 审查异议: the case judge, or a leader of the court (the server checks it is the case's court).
  const canDecide =
    detail.status !== 'closed' && (detail.team.judge?.id === user.id || hasAnyRole(user, 'courtLeader'));
  const parties = [...detail.applicants, ...detail.respondents].map((p) => ({ id: p.id, name: p.name }));
  const labelOf = (asset: { assetType: string; identifier: string } | null) => {
    if (!asset) return '';
    const key = assetTypeKey(asset.assetType);
    return `${key ? t(key) : asset.assetType} ${asset.identifier}`;
  };
  const announcingAsset = announcing
    ? (assets.find((a) => a.assetId === announcing.valuation.assetId) ?? null)
    : null;
  // The latest valuation of each asset is open unless the officer folded it.
  const defaultOpen = assets.flatMap((a) => (a.valuationId ? [a.valuationId] : []));
  const shownOpen = openIds ?? defaultOpen;

  return (
    <Flex vertical gap={12} data-testid="disposal-panel">
      <Flex justify="flex-end">
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={valuations.isFetching || lots.isFetching}
          onClick={() => Promise.all([valuations.refetch(), lots.refetch()])}
          data-testid="disposal-refresh"
        >
          {t('disposal.refresh')}
        </Button>
      </Flex>
      <Card size="small" title={t('disposal.assets')}>
        <AssetsTable
          assets={assets}
          valuations={items}
          lots={lotItems}
          canAct={canAct}
          onStartValuation={setStarting}
          onCreateLot={(valuation, previous) => setAnnouncing({ valuation, previous })}
          onShowValuation={(v) => {
            setOpenIds([...new Set([...shownOpen, v.id])]);
            document
              .getElementById(`valuation-${v.id}`)
              ?.scrollIntoView({ block: 'start', behavior: 'smooth' });
          }}
        />
      </Card>
      <Card size="small" title={`${t('disposal.valuations')} (${items.length})`}>
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t('disposal.valuations.empty')}</Typography.Text>
        ) : (
          <Collapse
            activeKey={shownOpen}
            onChange={(keys) => setOpenIds(Array.isArray(keys) ? keys : [keys])}
            data-testid="disposal-valuations"
            items={items.map((v) => ({
              key: v.id,
              label: (
                <Flex gap={8} wrap align="center" id={`valuation-${v.id}`}>
                  <Typography.Text strong>
                    {labelOf({ assetType: v.asset.type, identifier: v.asset.identifier })}
                  </Typography.Text>
                  <Tag>{t(methodKey(v.method))}</Tag>
                  <Tag color={valuationStateColor[v.state]}>{t(valuationStateKey(v.state))}</Tag>
                  {v.referencePriceFen !== null ? <MoneyText fen={v.referencePriceFen} strong /> : null}
                </Flex>
              ),
              children: (
                <ValuationDetails valuation={v} canAct={canAct} canDecide={canDecide} parties={parties} />
              ),
            }))}
          />
        )}
      </Card>
      <Card size="small" title={`${t('disposal.lots')} (${lotItems.length})`}>
        {lots.isError ? (
          <QueryError error={lots.error} onRetry={() => lots.refetch()} />
        ) : (
          <LotsTable
            lots={lotItems}
            canAct={canAct}
            onStep={(lot, step) => {
              if (step !== 'reauction') {
                setDeciding({ lot, kind: step });
                return;
              }
              const asset = assets.find((a) => a.assetId === lot.assetId);
              const valuation = items.find((v) => v.id === asset?.valuationId);
              if (valuation) setAnnouncing({ valuation, previous: lot });
            }}
          />
        )}
      </Card>
      <LotDecisionModal
        caseId={detail.id}
        lot={deciding?.lot ?? null}
        kind={deciding?.kind ?? null}
        applicants={detail.applicants.map((a) => ({ id: a.id, name: a.name }))}
        onClose={() => setDeciding(null)}
      />
      <StartValuationModal
        caseId={detail.id}
        asset={starting}
        assetLabel={labelOf(starting)}
        onClose={() => setStarting(null)}
      />
      <CreateLotModal
        caseId={detail.id}
        valuation={announcing?.valuation ?? null}
        previous={announcing?.previous ?? null}
        assetLabel={labelOf(announcingAsset)}
        onClose={() => setAnnouncing(null)}
      />
    </Flex>
  );
}
