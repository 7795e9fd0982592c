import { DeleteOutlined, FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { type TReceipt, useReceiveMaterials } from '../../api/service.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useServerFormErrors } from '../admin/use-server-form.ts';
import { ReceiptModal } from './receipt-modal.tsx';
import { useServiceText } from './use-service-text.ts';

type Values = { items: { title: string; pages: number }[]; note?: string };

/** 收取材料: the items and their pages; the receipt opens for printing once they are filed into the case. */
export function MaterialsForm({ visitId, disabled }: { visitId: string; disabled: boolean }) {
  const text = useServiceText();
  const [form] = Form.useForm<Values>();
  const receive = useReceiveMaterials(visitId);
  const errors = useServerFormErrors(form);
  const [receipt, setReceipt] = useState<TReceipt | null>(null);

  const handleFinish = (values: Values) => {
    errors.clear();
    receive.mutate(
      {
        items: values.items.map((item) => ({ title: item.title.trim(), pages: item.pages })),
        note: values.note?.trim() || undefined,
      },
      {
        onSuccess: (made) => {
          form.resetFields();
          setReceipt(made);
        },
        onError: errors.handleError,
      },
    );
  };

  return (
    <>
      <ErrorAlert error={receive.error} extraMessages={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ items: [{ title: '', pages: 1 }] }}
        disabled={disabled}
        data-testid="materials-form"
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={[field.name, 'title']}
                    label={index === 0 ? text('service.itemTitle') : undefined}
                    rules={[{ required: true, whitespace: true, message: text('service.itemTitleRequired') }]}
                    style={{ flex: 1 }}
                  >
                    <Input
                      maxLength={100}
                      aria-label={text('service.itemTitle')}
                      data-testid={`material-title-${index}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'pages']}
                    label={index === 0 ? text('service.pages') : undefined}
                    rules={[{ required: true, type: 'integer', min: 1, max: 10_000 }]}
                  >
                    <InputNumber
                      min={1}
                      max={10_000}
                      precision={0}
                      aria-label={text('service.pages')}
                      data-testid={`material-pages-${index}`}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={text('service.removeItem')}
                    disabled={disabled || fields.length === 1}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', pages: 1 })}
                disabled={disabled || fields.length >= 50}
                style={{ marginBottom: 16 }}
                data-testid="material-add"
              >
                {text('service.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={text('service.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="material-note" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<FileDoneOutlined />}
          loading={receive.isPending}
          data-testid="materials-submit"
        >
          {text('service.receive')}
        </Button>
      </Form>
      <ReceiptModal receipt={receipt} onClose={() => setReceipt(null)} />
    </>
  );
}
