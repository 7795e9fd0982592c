import { Form, Input, Modal, Select } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

export type ReasonValues = { reason: string; choice?: string };

/**
 * A decision that needs a written reason, optionally with one choice (a deletion ground, a lifting
 * ground …): delete, revoke, decline to sign, lift, record that no ground applies.
 */
export function CreditReasonModal({
  title,
  isOpen,
  choiceLabel,
  choices,
  isDanger,
  isPending,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  isOpen: boolean;
  choiceLabel?: string;
  choices?: { value: string; label: string }[];
  isDanger?: boolean;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: ReasonValues) => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReasonValues>();
  return (
    <Modal
      open={isOpen}
      title={title}
      okButtonProps={{ danger: isDanger }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isPending}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={error} />
      {children}
      <Form<ReasonValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ choice: choices?.[0]?.value }}
        onFinish={(values) => onSubmit({ ...values, reason: values.reason.trim() })}
      >
        {choices ? (
          <Form.Item name="choice" label={choiceLabel} rules={[{ required: true }]}>
            <Select options={choices} data-testid="credit-reason-choice" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('credit.reason')}
          rules={[{ required: true, whitespace: true, message: t('credit.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="credit-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
