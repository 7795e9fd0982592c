import { App, Button, Form, Input, Select, Typography } from 'antd';
import { applicationKinds, type TApplicationInput, useSubmitApplication } from '../../../api/party.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

/**
 * An application to the case team (dishonest listing, consumption restriction, audit,
 * restoration) or an objection or a correction; each is decided within its rule's period.
 */
export function ApplicationForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TApplicationInput>();
  const submit = useSubmitApplication(caseId);
  return (
    <Form<TApplicationInput>
      form={form}
      layout="vertical"
      onFinish={(values) =>
        submit.mutate(
          { kind: values.kind, text: values.text.trim() },
          {
            onSuccess: (created) => {
              message.success(t('my.requests.sent', { date: created.dueOn }));
              form.resetFields();
            },
          },
        )
      }
      data-testid="my-application-form"
    >
      <Typography.Paragraph type="secondary">{t('my.application.intro')}</Typography.Paragraph>
      <ErrorAlert error={submit.error} />
      <Form.Item
        name="kind"
        label={t('my.application.kind')}
        rules={[{ required: true, message: t('my.application.kindRequired') }]}
      >
        <Select
          options={applicationKinds.map((kind) => ({ value: kind, label: t(`my.kind.${kind}`) }))}
          data-testid="my-application-kind"
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('my.application.text')}
        rules={[{ required: true, whitespace: true, message: t('my.application.textRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="my-application-text" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={submit.isPending}
        block
        data-testid="my-application-submit"
      >
        {t('my.application.submit')}
      </Button>
    </Form>
  );
}
