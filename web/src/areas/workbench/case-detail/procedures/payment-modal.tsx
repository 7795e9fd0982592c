import { App, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { type TSettlement, useRecordSettlementPayment } from '../../../../api/procedures.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { isAfterToday, toDateString, todayValue } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { paidOn?: Dayjs | null; amountYuan?: string; note?: string };

const fieldAliases: Record<string, string> = { amountFen: 'amountYuan' };

/** 登记履行: a payment the respondent made to the applicant under the settlement. */
export function PaymentModal({
  caseId,
  settlement,
  onClose,
}: {
  caseId: string;
  settlement: TSettlement | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordSettlementPayment(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: Values) => {
    const amountFen = yuanToFen(values.amountYuan);
    if (!settlement || !values.paidOn || amountFen === null) return;
    setUnplaced([]);
    const note = values.note?.trim();
    record.mutate(
      {
        settlementId: settlement.id,
        body: { paidOn: toDateString(values.paidOn), amountFen, ...(note ? { note } : {}) },
      },
      {
        onSuccess: () => {
          message.success(t('settlement.paymentRecorded'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error))
            setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage, fieldAliases).unplaced);
        },
      },
    );
  };

  return (
    <Modal
      open={settlement !== null}
      title={t('settlement.recordPayment')}
      okText={t('settlement.recordPayment')}
      okButtonProps={{ 'data-testid': 'payment-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      afterClose={() => {
        record.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={record.error} extraMessages={unplaced} />
      {settlement ? (
        <Typography.Paragraph type="secondary">
          {t('settlement.outstanding')} ¥{formatYuan(settlement.outstandingFen)}
        </Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ paidOn: todayValue() }}
        onFinish={handleFinish}
      >
        <Form.Item
          name="paidOn"
          label={t('settlement.paidOn')}
          rules={[{ required: true, message: t('settlement.paidOnRequired') }]}
        >
          <DatePicker disabledDate={isAfterToday} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('settlement.amount')}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (value === undefined || value === null || value === '')
                  throw new Error(t('settlement.amountRequired'));
                const fen = yuanToFen(value);
                if (fen === null) throw new Error(t('settlement.amountFormat'));
                if (fen < 1) throw new Error(t('funds.propose.amountPositive'));
              },
            },
          ]}
        >
          <YuanInput testId="payment-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('settlement.paymentNote')}>
          <Input maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
