import { Form, Input, Modal, Select } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useServerFormErrors } from '../admin/use-server-form.ts';

export type TextValues = { text: string; names: string[] };

/**
 * A step that is a written answer — a supervision report, an entrustment's result (with the names
 * of its receipts), a petition's resolution. `field` is the server's name for the text, so that
 * its message lands beside it.
 */
export function TextModal({
  open,
  title,
  okText,
  label,
  requiredMessage,
  field,
  namesLabel,
  isPending,
  error,
  onSubmit,
  onClose,
  children,
  testId,
}: {
  open: boolean;
  title: string;
  okText: string;
  label: string;
  requiredMessage: string;
  field: string;
  /** With a label, a list of document names (回执) is asked for as well. */
  namesLabel?: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (values: TextValues, handleError: (error: unknown) => void) => void;
  onClose: () => void;
  children?: ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string; names?: string[] }>();
  const errors = useServerFormErrors(form, { [field]: 'text', 'receipts.0.name': 'names' });
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isPending}
      destroyOnHidden
      afterClose={errors.clear}
      width={560}
    >
      {children}
      <ErrorAlert error={error} extraMessages={errors.unplaced} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        data-testid={testId}
        onFinish={(values) => {
          errors.clear();
          const names = (values.names ?? []).map((name) => name.trim()).filter((name) => name !== '');
          onSubmit({ text: values.text.trim(), names }, errors.handleError);
        }}
      >
        <Form.Item
          name="text"
          label={label}
          rules={[{ required: true, whitespace: true, message: requiredMessage }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid={`${testId}-text`} />
        </Form.Item>
        {namesLabel ? (
          <Form.Item name="names" label={namesLabel} extra={t('command.documentsHint')}>
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={['，', ',']}
              data-testid={`${testId}-names`}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
