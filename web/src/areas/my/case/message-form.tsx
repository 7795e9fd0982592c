import { App, Button, Form, Input, Typography } from 'antd';
import type { TMessageInput } from '../../../../../src/modules/disclosure/contracts.ts';
import { useSendMessage } from '../../../api/party.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

/** 联系法官: a message to the case team, answered within 3 working days. */
export function MessageForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TMessageInput>();
  const send = useSendMessage(caseId);
  return (
    <Form<TMessageInput>
      form={form}
      layout="vertical"
      onFinish={(values) =>
        send.mutate(
          { text: values.text.trim() },
          {
            onSuccess: (created) => {
              message.success(t('my.requests.sent', { date: created.dueOn }));
              form.resetFields();
            },
          },
        )
      }
      data-testid="my-message-form"
    >
      <Typography.Paragraph type="secondary">{t('my.message.intro')}</Typography.Paragraph>
      <ErrorAlert error={send.error} />
      <Form.Item
        name="text"
        label={t('my.message.text')}
        rules={[{ required: true, whitespace: true, message: t('my.message.textRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="my-message-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending} block data-testid="my-message-submit">
        {t('my.message.submit')}
      </Button>
    </Form>
  );
}
