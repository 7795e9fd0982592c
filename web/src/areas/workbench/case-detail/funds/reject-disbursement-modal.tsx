import { App, Form, Input, Modal, Typography } from 'antd';
import { formatYuan } from '../../../../../../src/kernel/index.ts';
import { useRejectDisbursement } from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';

/** The proposal being refused, from the case's funds tab or the court's funds desk. */
export type RejectTarget = { id: string; caseId: string; payeeName: string; amountFen: number };

/** 不予批准: the leader refuses a proposal with a written reason; its reserved money is free again. */
export function RejectDisbursementModal({
  disbursement,
  onClose,
}: {
  disbursement: RejectTarget | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useRejectDisbursement();
  return (
    <Modal
      open={disbursement !== null}
      title={t('funds.disbursement.reject')}
      okText={t('funds.disbursement.reject')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reject.isPending}
      destroyOnHidden
      afterClose={() => reject.reset()}
    >
      <ErrorAlert error={reject.error} />
      {disbursement ? (
        <Typography.Paragraph>
          {disbursement.payeeName} · ¥{formatYuan(disbursement.amountFen)}
        </Typography.Paragraph>
      ) : null}
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          if (!disbursement) return;
          reject.mutate(
            { disbursementId: disbursement.id, caseId: disbursement.caseId, reason: values.reason.trim() },
            {
              onSuccess: () => {
                message.success(t('funds.disbursement.rejected'));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item
          name="reason"
          label={t('funds.disbursement.reason')}
          rules={[{ required: true, whitespace: true, message: t('funds.disbursement.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="disbursement-reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
