import { Alert, App, Button, Collapse, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { type TCaseLot, type TCreateLot, type TValuation, useCreateLot } from '../../../../api/disposal.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { serverToday } from '../../../../lib/server-clock.ts';
import { lotStateKey } from '../../../auction/labels.ts';
import { methodKey, roundKey } from './labels.ts';
import { LotMoreFields, maxListed } from './lot-more-fields.tsx';
import {
  announcementDays,
  chinaTimeOn,
  chinaWallTimeOf,
  earliestBiddingDate,
  instantOfChinaWallTime,
  minBiddingMs,
  minStartingPriceFen,
  propertyClassOf,
  roundAfter,
} from './lot-rules.ts';
import { LotTermsFields, type LotValues } from './lot-terms-fields.tsx';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;
const toYuanString = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const linesOf = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
/** The server names list items by index (`notices.3`); the form has one text box per list. */
const listAliases: Record<string, string> = Object.fromEntries(
  Array.from({ length: maxListed }, (_, i) => [
    [`encumbrances.${i}`, 'encumbrances'],
    [`notices.${i}`, 'notices'],
    [`photos.${i}.url`, 'photos'],
    [`photos.${i}.caption`, 'photos'],
  ]).flat(),
);
const aliases: Record<string, string> = {
  ...listAliases,
  startingPriceFen: 'startingPriceYuan',
  incrementFen: 'incrementYuan',
  depositFen: 'depositYuan',
};

/** Whole yuan, rounded up: the figures an officer would choose. */
const ceilYuan = (fen: number) => Math.ceil(fen / 100) * 100;

/**
 * 发布拍卖公告 from a priced valuation (网拍规定 2016): starting price, increment, deposit and the
 * bidding window, with the rules beside each field as it is typed — 70% of the reference price,
 * 5–20% deposit, 24 hours of bidding, 15 or 30 days of announcement. A breach is a warning, not a
 * block: the server decides and names the field it refuses, shown beside that field.
 */
export function CreateLotModal({
  caseId,
  valuation,
  previous,
  assetLabel,
  onClose,
}: {
  caseId: string;
  valuation: TValuation | null;
  /** The asset's last lot when it failed or its winner defaulted: this one follows it. */
  previous: TCaseLot | null;
  assetLabel: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open={valuation !== null}
      title={null}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      styles={{ body: { paddingTop: 8 } }}
    >
      {valuation ? (
        <LotForm
          caseId={caseId}
          valuation={valuation}
          previous={previous}
          assetLabel={assetLabel}
          onClose={onClose}
        />
      ) : null}
    </Modal>
  );
}

function LotForm({
  caseId,
  valuation,
  previous,
  assetLabel,
  onClose,
}: {
  caseId: string;
  valuation: TValuation;
  previous: TCaseLot | null;
  assetLabel: string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<LotValues>();
  const create = useCreateLot(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const referenceFen = valuation.referencePriceFen ?? 0;
  const propertyClass = propertyClassOf(valuation.asset.type);
  const round = (previous ? roundAfter(previous) : null) ?? 'first';
  const earliest = earliestBiddingDate(serverToday(), round, propertyClass);
  const minStartFen = minStartingPriceFen(round, referenceFen, previous);
  const isReauction = previous !== null && previous.round !== round;
  const defaultStartFen = ceilYuan(minStartFen);
  const defaultStartsAt = chinaTimeOn(earliest, 10);

  const handleFinish = (values: LotValues) => {
    setUnplaced([]);
    const startingPriceFen = yuanToFen(values.startingPriceYuan);
    const incrementFen = yuanToFen(values.incrementYuan);
    const depositFen = yuanToFen(values.depositYuan);
    if (
      startingPriceFen === null ||
      incrementFen === null ||
      depositFen === null ||
      !values.biddingStartsAt ||
      !values.biddingEndsAt
    )
      return;
    const photos = linesOf(values.photos).map((url) => ({ url, caption: '' }));
    const encumbrances = linesOf(values.encumbrances);
    const notices = linesOf(values.notices);
    const preemptors = (values.preemptors ?? []).flatMap((p, i) =>
      p.name?.trim() && p.idNumber?.trim()
        ? [{ name: p.name.trim(), idNumber: p.idNumber.trim().toUpperCase(), rank: p.rank ?? i + 1 }]
        : [],
    );
    const body: TCreateLot = {
      assetId: valuation.assetId,
      valuationId: valuation.id,
      ...(previous ? { previousLotId: previous.id } : {}),
      startingPriceFen,
      incrementFen,
      depositFen,
      biddingStartsAt: new Date(instantOfChinaWallTime(values.biddingStartsAt)).toISOString(),
      biddingEndsAt: new Date(instantOfChinaWallTime(values.biddingEndsAt)).toISOString(),
      ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
      ...(photos.length > 0 ? { photos } : {}),
      ...(encumbrances.length > 0 ? { encumbrances } : {}),
      ...(notices.length > 0 ? { notices } : {}),
      ...(preemptors.length > 0 ? { preemptors } : {}),
      ...(values.balancePeriodDays ? { balancePeriodDays: values.balancePeriodDays } : {}),
    };
    create.mutate(body, {
      onSuccess: () => {
        message.success(t('disposal.lotCreated'));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error))
          setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage, aliases).unplaced);
      },
    });
  };

  return (
    <>
      <h2 style={{ fontSize: 16, marginTop: 0 }}>
        {t('disposal.lotForm.title', { asset: assetLabel })} · {t(roundKey(round))}
      </h2>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="lot-form-reference"
        title={t('disposal.lotForm.reference', {
          price: yuan(referenceFen),
          method: t(methodKey(valuation.method)),
          validUntil: valuation.validUntil ?? '—',
        })}
        description={
          previous
            ? `${t('disposal.lotForm.after', {
                state: t(lotStateKey(previous.state)),
                price: yuan(previous.startingPriceFen),
              })} ${t('disposal.lotForm.rules')}`
            : t('disposal.lotForm.rules')
        }
      />
      <ErrorAlert error={create.error} extraMessages={unplaced} />
      <Form<LotValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        onValuesChange={() => {
          if (create.error) create.reset();
        }}
        initialValues={{
          startingPriceYuan: toYuanString(defaultStartFen),
          incrementYuan: toYuanString(Math.max(10_000, Math.round(defaultStartFen / 200 / 10_000) * 10_000)),
          depositYuan: toYuanString(ceilYuan(Math.ceil(defaultStartFen / 10))),
          biddingStartsAt: chinaWallTimeOf(defaultStartsAt),
          biddingEndsAt: chinaWallTimeOf(defaultStartsAt + minBiddingMs),
          balancePeriodDays: 15,
        }}
        data-testid="lot-form"
      >
        <Form.Item name="title" label={t('disposal.lotForm.lotTitle')}>
          <Input
            maxLength={200}
            placeholder={t('disposal.lotForm.lotTitlePlaceholder')}
            data-testid="lot-title-input"
          />
        </Form.Item>
        <LotTermsFields
          form={form}
          round={round}
          isReauction={isReauction}
          minStartFen={minStartFen}
          propertyClass={propertyClass}
          days={announcementDays[round][propertyClass]}
          earliest={earliest}
        />
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'more',
              label: `${t('disposal.lotForm.description')} · ${t('disposal.lotForm.encumbrances')} · ${t('disposal.lotForm.preemptors')}`,
              forceRender: true,
              children: <LotMoreFields />,
            },
          ]}
        />
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="lot-submit">
            {t('disposal.lotForm.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
