import { App, Form, Input, Modal, Typography } from 'antd';
import { type TPayoutDelay, useRejectPayoutDelay } from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { payoutDelayReasonKey } from './labels.ts';

/** 不予批准延期发放: the leader refuses with a written reason; the 30 days run on as before. */
export function RejectPayoutDelayModal({
  delay,
  onClose,
}: {
  delay: Pick<TPayoutDelay, 'id' | 'caseId' | 'reason' | 'note'> | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useRejectPayoutDelay();
  return (
    <Modal
      open={delay !== null}
      title={t('funds.delay.reject')}
      okText={t('funds.delay.reject')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reject.isPending}
      destroyOnHidden
      afterClose={() => reject.reset()}
    >
      <ErrorAlert error={reject.error} />
      {delay ? (
        <Typography.Paragraph>
          {t(payoutDelayReasonKey(delay.reason))} · {delay.note}
        </Typography.Paragraph>
      ) : null}
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          if (!delay) return;
          reject.mutate(
            { delayId: delay.id, caseId: delay.caseId, reason: values.reason.trim() },
            {
              onSuccess: () => {
                message.success(t('funds.delay.rejected'));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('funds.delay.rejectReason')}
          rules={[{ required: true, whitespace: true, message: t('funds.delay.rejectReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="payout-delay-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
