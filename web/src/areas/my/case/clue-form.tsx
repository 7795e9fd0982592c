import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import {
  attachmentTypes,
  maxAttachmentBytes,
  maxAttachments,
  type TAttachmentInput,
  useSubmitClue,
} from '../../../api/party.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';
import { readAsBase64 } from '../../../lib/read-file.ts';

type ClueValues = { text: string; isUrgent?: boolean; files?: UploadFile[] };

async function toAttachments(files: UploadFile[]): Promise<TAttachmentInput[]> {
  const attachments: TAttachmentInput[] = [];
  for (const file of files) {
    const contentType = attachmentTypes.find((type) => type === file.type);
    if (!file.originFileObj || !contentType) continue;
    attachments.push({
      name: file.name.slice(0, 100),
      contentType,
      dataBase64: await readAsBase64(file.originFileObj),
    });
  }
  return attachments;
}

/**
 * 提交财产线索: what the applicant knows of the debtor's assets, with up to three photos or PDFs.
 * The files stay in the browser until the form is sent, then go with it (base64 in the JSON);
 * the team verifies the clue within 7 days, 3 if urgent (财产调查规定 art. 2).
 */
export function ClueForm({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ClueValues>();
  const submit = useSubmitClue(caseId);
  const [isReading, setIsReading] = useState(false);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = async (values: ClueValues) => {
    setUnplaced([]);
    setIsReading(true);
    let attachments: TAttachmentInput[];
    try {
      attachments = await toAttachments(values.files ?? []);
    } catch {
      message.error(t('my.clue.readFailed'));
      return;
    } finally {
      setIsReading(false);
    }
    submit.mutate(
      {
        text: values.text.trim(),
        isUrgent: values.isUrgent === true,
        ...(attachments.length > 0 ? { attachments } : {}),
      },
      {
        onSuccess: (created) => {
          message.success(t('my.requests.sent', { date: created.dueOn }));
          form.resetFields();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  return (
    <Form<ClueValues> form={form} layout="vertical" onFinish={handleFinish} data-testid="my-clue-form">
      <Typography.Paragraph type="secondary">{t('my.clue.intro')}</Typography.Paragraph>
      <ErrorAlert error={submit.error} extraMessages={unplaced} />
      <Form.Item
        name="text"
        label={t('my.clue.text')}
        rules={[{ required: true, whitespace: true, message: t('my.clue.textRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="my-clue-text" />
      </Form.Item>
      <Form.Item name="isUrgent" valuePropName="checked">
        <Checkbox data-testid="my-clue-urgent">{t('my.clue.urgent')}</Checkbox>
      </Form.Item>
      <Form.Item label={t('my.clue.files')} htmlFor="my-clue-files">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('my.clue.filesHint', { count: maxAttachments })}
        </Typography.Paragraph>
        <Form.Item
          name="files"
          noStyle
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
        >
          <Upload
            id="my-clue-files"
            listType="picture"
            accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
            multiple
            maxCount={maxAttachments}
            beforeUpload={(file) => {
              if (!attachmentTypes.some((type) => type === file.type)) {
                message.error(t('my.clue.fileType', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              if (file.size > maxAttachmentBytes) {
                message.error(t('my.clue.fileSize', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              // Nothing is sent before the form is.
              return false;
            }}
            data-testid="my-clue-files"
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('my.clue.pick')}</Button>
          </Upload>
        </Form.Item>
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={isReading || submit.isPending}
        block
        data-testid="my-clue-submit"
      >
        {t('my.clue.submit')}
      </Button>
    </Form>
  );
}
