import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../src/kernel/index.ts';
import { isApiError } from '../../api/client.ts';
import { type TPublicLot, usePlaceBid } from '../../api/disposal.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { YuanInput } from '../../components/yuan-input.tsx';
import { useI18n } from '../../i18n/index.ts';
import { applyServerFieldErrors } from '../../lib/form-errors.ts';
import type { BidderSession } from './bidder-session.ts';
import { applyOwnBid } from './use-live-lot.ts';

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

/** Integer fen as the yuan string an amount input holds (`123450` → `"1234.50"`). */
function toYuanString(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** The lowest bid the rule allows now (网拍规定 art. 20): the start, then the current price plus the increment. */
export function minimumBidFen(lot: TPublicLot): number {
  return lot.bidCount === 0 ? lot.startingPriceFen : lot.currentPriceFen + lot.incrementFen;
}

type BidValues = { amountYuan?: string };

/** 出价: the minimum pre-filled and kept up with the live price; confirmed before it is sent. */
export function BidForm({
  lot,
  session,
  bidderNumber,
}: {
  lot: TPublicLot;
  session: BidderSession;
  bidderNumber: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BidValues>();
  const place = usePlaceBid(session, lot.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const minFen = minimumBidFen(lot);
  // A preemptor may bid the current price itself (网拍规定 art. 21); the server knows who is one.
  const lowestFen = lot.hasPreemptors && lot.bidCount > 0 ? lot.currentPriceFen : minFen;
  const isLeading = lot.bids[0]?.bidderNumber === bidderNumber;
  const isEdited = useRef(false);

  // The minimum follows the live price: an amount left as pre-filled, or now too low, is replaced.
  useEffect(() => {
    const typed = yuanToFen(form.getFieldValue('amountYuan'));
    if (!isEdited.current || typed === null || typed < minFen) {
      form.setFieldValue('amountYuan', toYuanString(minFen));
      isEdited.current = false;
    }
  }, [form, minFen]);

  const raise = () => {
    const typed = yuanToFen(form.getFieldValue('amountYuan')) ?? minFen;
    form.setFieldValue('amountYuan', toYuanString(Math.max(minFen, typed + lot.incrementFen)));
    isEdited.current = true;
    void form.validateFields(['amountYuan']).catch(() => {});
  };

  const handleFinish = (values: BidValues) => {
    setUnplaced([]);
    const amountFen = yuanToFen(values.amountYuan);
    if (amountFen === null) return;
    modal.confirm({
      title: t('auction.bid.confirm', { amount: yuan(amountFen) }),
      okText: t('auction.bid.submit'),
      cancelText: t('common.cancel'),
      onOk: () =>
        place.mutate(amountFen, {
          onSuccess: (accepted) => {
            applyOwnBid(queryClient, lot.id, {
              seq: accepted.seq,
              bidderNumber: accepted.bidderNumber,
              amountFen: accepted.currentPriceFen,
              currentPriceFen: accepted.currentPriceFen,
              at: accepted.at,
              endsAt: accepted.endsAt,
              isPreemptor: false,
            });
            isEdited.current = false;
            message.success(t('auction.bid.placed', { amount: yuan(accepted.currentPriceFen) }));
          },
          onError: (error) => {
            if (isApiError(error)) {
              setUnplaced(
                applyServerFieldErrors(form, error, i18n.pickMessage, { amountFen: 'amountYuan' }).unplaced,
              );
            }
          },
        }),
    });
  };

  return (
    <Form<BidValues>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      initialValues={{ amountYuan: toYuanString(minFen) }}
      onValuesChange={() => {
        isEdited.current = true;
        if (place.error) place.reset();
      }}
      data-testid="bid-form"
    >
      {isLeading ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('auction.bid.youLead')} />
      ) : null}
      <ErrorAlert
        error={place.error && unplaced.length === 0 ? place.error : null}
        extraMessages={unplaced}
      />
      <Form.Item
        name="amountYuan"
        label={t('auction.bid.yourBid')}
        extra={
          <span id="bid-minimum" data-testid="bid-minimum" data-fen={minFen}>
            {t(lot.bidCount === 0 ? 'auction.bid.minimumStart' : 'auction.bid.minimumNext', {
              amount: yuan(minFen),
            })}
          </span>
        }
        rules={[
          { required: true, message: t('auction.bid.amountRequired') },
          {
            validator: (_, value: string | undefined) => {
              const fen = yuanToFen(value);
              return fen !== null && fen < lowestFen
                ? Promise.reject(new Error(t('auction.bid.tooLow', { amount: yuan(lowestFen) })))
                : Promise.resolve();
            },
          },
        ]}
      >
        <YuanInput size="large" testId="bid-amount" aria-describedby="bid-minimum" />
      </Form.Item>
      <Flex gap={8}>
        <Button size="large" onClick={raise} data-testid="bid-raise">
          {t('auction.bid.plus', { amount: yuan(lot.incrementFen) })}
        </Button>
        <Button
          type="primary"
          danger
          size="large"
          htmlType="submit"
          block
          loading={place.isPending}
          data-testid="bid-submit"
        >
          {t('auction.bid.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
