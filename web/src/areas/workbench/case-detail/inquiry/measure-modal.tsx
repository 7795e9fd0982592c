import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import type { TCreateMeasure, TMeasureKind } from '../../../../../../src/modules/inquiry/contracts.ts';
import { isApiError } from '../../../../api/client.ts';
import { useCreateMeasure } from '../../../../api/inquiry.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { dateFormat, toDateString } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { measureKindKey } from './labels.ts';

export type MeasureTarget = {
  assetId: string;
  assetLabel: string;
  kind: TMeasureKind;
  /** Largest amount the officer may ask for: the outstanding claim (freeze) or what is frozen (deduct). */
  maxFen: number | null;
  defaultFen: number | null;
  /** The statutory latest end (CPL-I art. 485) and the number of years, for the hint and the default. */
  maxUntil: string | null;
  years: number | null;
};

type Values = { amount?: number; until?: Dayjs };

type Props = { caseId: string; target: MeasureTarget | null; onClose: () => void };

/** One control measure on an asset of the feedback list: amount and period, with the limits shown. */
export function MeasureModal(props: Props) {
  // A fresh dialog (and form) per asset and kind, so each opens with that asset's defaults.
  const key = props.target ? `${props.target.assetId}-${props.target.kind}` : 'none';
  return <MeasureDialog key={key} {...props} />;
}

function MeasureDialog({
  caseId,
  target,
  onClose,
}: {
  caseId: string;
  target: MeasureTarget | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeasure(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const kind = target?.kind;
  const hasAmount = kind === 'freeze' || kind === 'deduct';
  const hasUntil = kind === 'freeze' || kind === 'seal' || kind === 'seize' || kind === 'renew';

  const submit = (values: Values) => {
    if (!target) return;
    const body: TCreateMeasure = { assetId: target.assetId, kind: target.kind };
    if (hasAmount) {
      const fen = yuanToFen(values.amount ?? null);
      if (fen === null || fen <= 0) {
        form.setFields([{ name: 'amount', errors: [t('inquiry.measure.amountInvalid')] }]);
        return;
      }
      body.amountFen = fen;
    }
    if (hasUntil && values.until) body.until = toDateString(values.until);
    setUnplaced([]);
    create.mutate(body, {
      onSuccess: () => {
        message.success(t('inquiry.measure.sent'));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
      },
    });
  };

  return (
    <Modal
      open={target !== null}
      title={
        target
          ? t('inquiry.measure.title', { kind: t(measureKindKey(target.kind)), asset: target.assetLabel })
          : ''
      }
      okText={target ? t(measureKindKey(target.kind)) : ''}
      okButtonProps={{ danger: kind === 'unfreeze' || kind === 'deduct' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterClose={() => {
        create.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={create.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        initialValues={{
          amount: target?.defaultFen ? target.defaultFen / 100 : undefined,
          until: target?.maxUntil ? dayjs(target.maxUntil, dateFormat) : undefined,
        }}
        layout="vertical"
        onFinish={submit}
      >
        {hasAmount ? (
          <Form.Item
            name="amount"
            label={t('inquiry.measure.amount')}
            extra={
              target?.maxFen !== null && target?.maxFen !== undefined
                ? t(kind === 'deduct' ? 'inquiry.measure.deductHint' : 'inquiry.measure.amountHint', {
                    max: formatYuan(target.maxFen),
                  })
                : undefined
            }
            rules={[{ required: true, message: t('inquiry.measure.amountInvalid') }]}
          >
            <InputNumber<number>
              min={0.01}
              precision={2}
              style={{ width: '100%' }}
              data-testid="measure-amount"
            />
          </Form.Item>
        ) : null}
        {hasUntil ? (
          <Form.Item
            name="until"
            label={t('inquiry.measure.until')}
            extra={
              target?.maxUntil && target.years
                ? t('inquiry.measure.limit', { years: target.years, max: target.maxUntil })
                : undefined
            }
          >
            <DatePicker style={{ width: '100%' }} format={dateFormat} />
          </Form.Item>
        ) : null}
        {kind === 'unfreeze' ? (
          <Alert type="warning" showIcon title={<Typography.Text>{target?.assetLabel}</Typography.Text>} />
        ) : null}
      </Form>
    </Modal>
  );
}
