import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../../api/client.ts';
import { type TPayoutDelayReason, useRequestPayoutDelay } from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { payoutDelayReasonKey, payoutDelayReasons } from './labels.ts';

type Values = { reason?: TPayoutDelayReason; note?: string };

/**
 * 申请延期发放 (执行款物管理规定 art. 15): the case team names one of the rule's reasons and explains
 * it; a leader of the case's court approves or rejects the request. The request itself changes no
 * deadline, so the modal's own button is its only confirmation.
 */
export function PayoutDelayModal({
  caseId,
  open,
  onClose,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestPayoutDelay(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const note = values.note?.trim();
    if (!values.reason || !note) return;
    request.mutate(
      { reason: values.reason, note },
      {
        onSuccess: () => {
          message.success(t('funds.delay.requested'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('funds.delay.request')}
      okText={t('funds.delay.request')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={request.isPending}
      destroyOnHidden
      afterClose={() => {
        request.reset();
        setUnplaced([]);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('funds.delay.rule')} />
      <ErrorAlert error={request.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        onValuesChange={() => {
          if (request.error) request.reset();
        }}
      >
        <Form.Item
          name="reason"
          label={t('funds.delay.reason')}
          rules={[{ required: true, message: t('funds.delay.reasonRequired') }]}
        >
          <Select<TPayoutDelayReason>
            data-testid="payout-delay-reason"
            options={payoutDelayReasons.map((reason) => ({
              value: reason,
              label: t(payoutDelayReasonKey(reason)),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('funds.delay.note')}
          rules={[{ required: true, whitespace: true, message: t('funds.delay.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="payout-delay-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
