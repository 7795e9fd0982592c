import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { type TSelfDisposal, useRecordSale } from '../../../../api/self-disposal.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { buyerName?: string; priceYuan?: string };

const fieldAliases = { priceFen: 'priceYuan' };

/** 登记买受人: the sale the respondent agreed, at no less than the lowest price the court set. */
export function RecordSaleModal({
  caseId,
  selfDisposal,
  onClose,
}: {
  caseId: string;
  selfDisposal: TSelfDisposal | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordSale(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const lowestFen = selfDisposal?.lowestPriceFen ?? 0;
  const lowest = formatYuan(lowestFen);

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const priceFen = yuanToFen(values.priceYuan ?? '');
    const buyerName = values.buyerName?.trim();
    if (!selfDisposal || !buyerName || priceFen === null) return;
    record.mutate(
      { selfDisposalId: selfDisposal.id, body: { buyerName, priceFen } },
      {
        onSuccess: () => {
          message.success(t('selfDisposal.saleRecorded'));
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
      open={selfDisposal !== null}
      title={t('selfDisposal.recordSale')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'self-disposal-sale-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      afterClose={() => {
        record.reset();
        setUnplaced([]);
      }}
      width={520}
    >
      <ErrorAlert error={record.error} extraMessages={unplaced} />
      <Form<Values>
        preserve={false}
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        disabled={record.isPending}
        data-testid="self-disposal-sale-form"
      >
        <Form.Item
          name="buyerName"
          label={t('selfDisposal.buyerName')}
          rules={[{ required: true, whitespace: true, message: t('selfDisposal.buyerNameRequired') }]}
        >
          <Input maxLength={100} autoFocus data-testid="self-disposal-buyer" />
        </Form.Item>
        <Form.Item
          name="priceYuan"
          label={t('selfDisposal.price')}
          extra={t('selfDisposal.priceHint', {
            lowest,
            account: selfDisposal?.accountNumber ?? '—',
          })}
          rules={[
            { required: true, message: t('selfDisposal.priceRequired') },
            {
              validator: (_, value: string | undefined) => {
                const fen = yuanToFen(value ?? '');
                // The agreed price may not be below the lowest price (善意文明执行意见); the server checks again.
                return fen === null || fen >= lowestFen
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('selfDisposal.priceBelowLowest', { lowest })));
              },
            },
          ]}
        >
          <YuanInput testId="self-disposal-price" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
