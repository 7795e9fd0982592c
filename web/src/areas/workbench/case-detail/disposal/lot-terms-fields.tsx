import { Col, Form, type FormInstance, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import {
  depositRangeFen,
  instantOfChinaWallTime,
  isBeforeEarliest,
  minBiddingMs,
  type PropertyClass,
  type Round,
} from './lot-rules.ts';

/** The lot form's values: amounts as typed in yuan, times as China wall time. */
export type LotValues = {
  title?: string;
  startingPriceYuan?: string;
  incrementYuan?: string;
  depositYuan?: string;
  biddingStartsAt?: Dayjs;
  biddingEndsAt?: Dayjs;
  balancePeriodDays?: number;
  description?: string;
  encumbrances?: string;
  notices?: string;
  photos?: string;
  preemptors?: { name?: string; idNumber?: string; rank?: number }[];
};

const yuan = (fen: number) => `¥${formatYuan(fen)}`;

function isDayjs(value: unknown): value is Dayjs {
  return (
    typeof value === 'object' && value !== null && 'isValid' in value && typeof value.isValid === 'function'
  );
}

/**
 * The terms the collegial panel fixes, each with its rule beside it as it is typed (网拍规定 arts.
 * 10, 12, 17, 20). A breach is a warning, not a block: the server decides.
 */
export function LotTermsFields({
  form,
  round,
  isReauction,
  minStartFen,
  propertyClass,
  days,
  earliest,
}: {
  form: FormInstance<LotValues>;
  round: Round;
  /** A round after a failed one: its start is held to the previous start, not the reference price. */
  isReauction: boolean;
  minStartFen: number;
  propertyClass: PropertyClass;
  days: number;
  earliest: string;
}) {
  const { t } = useI18n();
  const startingFen = yuanToFen(Form.useWatch('startingPriceYuan', form)) ?? null;
  const deposit = depositRangeFen(startingFen ?? minStartFen);
  // Validators read the form itself: a dependency re-validates before the next render.
  const currentDepositRange = () => {
    const start = yuanToFen(form.getFieldValue('startingPriceYuan'));
    return start === null ? null : depositRangeFen(start);
  };
  const classLabel = t(
    propertyClass === 'movable' ? 'disposal.lotForm.class.movable' : 'disposal.lotForm.class.realEstate',
  );

  const warn = (isBreach: (value: unknown) => boolean, text: () => string) => ({
    warningOnly: true,
    validator: (_: unknown, value: unknown) =>
      isBreach(value) ? Promise.reject(new Error(text())) : Promise.resolve(),
  });

  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="startingPriceYuan"
            label={t('disposal.lotForm.startingPrice')}
            extra={t(
              isReauction
                ? 'disposal.lotForm.startingPriceHintReauction'
                : 'disposal.lotForm.startingPriceHint',
              {
                min: yuan(minStartFen),
              },
            )}
            rules={[
              { required: true, message: t('disposal.lotForm.amountRequired') },
              warn(
                (v) => {
                  const fen = yuanToFen(typeof v === 'string' ? v : null);
                  return fen !== null && fen < minStartFen;
                },
                () =>
                  t(
                    isReauction ? 'disposal.lotForm.startingPriceBelow' : 'disposal.lotForm.startingPriceLow',
                    {
                      min: yuan(minStartFen),
                    },
                  ),
              ),
            ]}
          >
            <YuanInput testId="lot-starting-price" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="incrementYuan"
            label={t('disposal.lotForm.increment')}
            dependencies={['startingPriceYuan']}
            rules={[
              { required: true, message: t('disposal.lotForm.amountRequired') },
              warn(
                (v) => {
                  const fen = yuanToFen(typeof v === 'string' ? v : null);
                  const start = yuanToFen(form.getFieldValue('startingPriceYuan'));
                  return fen !== null && start !== null && fen > start;
                },
                () => t('disposal.lotForm.incrementHigh'),
              ),
            ]}
          >
            <YuanInput testId="lot-increment" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="depositYuan"
            label={t('disposal.lotForm.deposit')}
            dependencies={['startingPriceYuan']}
            extra={t('disposal.lotForm.depositHint', {
              min: yuan(deposit.minFen),
              max: yuan(deposit.maxFen),
            })}
            rules={[
              { required: true, message: t('disposal.lotForm.amountRequired') },
              warn(
                (v) => {
                  const fen = yuanToFen(typeof v === 'string' ? v : null);
                  const range = currentDepositRange();
                  return fen !== null && range !== null && (fen < range.minFen || fen > range.maxFen);
                },
                () => {
                  const range = currentDepositRange() ?? deposit;
                  return t('disposal.lotForm.depositOutside', {
                    min: yuan(range.minFen),
                    max: yuan(range.maxFen),
                  });
                },
              ),
            ]}
          >
            <YuanInput testId="lot-deposit" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="biddingStartsAt"
            label={t('disposal.lotForm.startsAt')}
            extra={t(
              round === 'first' ? 'disposal.lotForm.startsAtHint' : 'disposal.lotForm.startsAtHintReauction',
              {
                kind: classLabel,
                days,
                date: earliest,
              },
            )}
            rules={[
              { required: true, message: t('disposal.lotForm.timeRequired') },
              warn(
                (v) => isDayjs(v) && isBeforeEarliest(instantOfChinaWallTime(v), earliest),
                () => t('disposal.lotForm.startsTooEarly', { days, date: earliest }),
              ),
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="lot-starts-at"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="biddingEndsAt"
            label={t('disposal.lotForm.endsAt')}
            dependencies={['biddingStartsAt']}
            extra={t('disposal.lotForm.endsAtHint')}
            rules={[
              { required: true, message: t('disposal.lotForm.timeRequired') },
              warn(
                (v) =>
                  isDayjs(v) &&
                  isDayjs(form.getFieldValue('biddingStartsAt')) &&
                  instantOfChinaWallTime(v) - instantOfChinaWallTime(form.getFieldValue('biddingStartsAt')) <
                    minBiddingMs,
                () => t('disposal.lotForm.endsTooSoon'),
              ),
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="lot-ends-at"
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
