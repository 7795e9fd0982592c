import { Alert, App, Form, Input, Modal } from 'antd';
import { useLaunchCaseInquiry } from '../../../../api/inquiry.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';

type Props = { caseId: string; isOpen: boolean; onClose: () => void };

/** 一键查询 with its purpose (every query is audited with why it was made). */
export function LaunchInquiryModal({ caseId, isOpen, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ purpose: string }>();
  const launch = useLaunchCaseInquiry(caseId);
  return (
    <Modal
      open={isOpen}
      title={t('inquiry.launchTitle')}
      okText={t('inquiry.launch')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={launch.isPending}
      destroyOnHidden
      afterClose={() => launch.reset()}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('inquiry.launchHint')} />
      <ErrorAlert error={launch.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ purpose: t('inquiry.purposeDefault') }}
        onFinish={(values) =>
          launch.mutate(values.purpose.trim(), {
            onSuccess: (result) => {
              message.success(t('inquiry.launched', { requests: result.requestCount }));
              onClose();
            },
          })
        }
      >
        <Form.Item
          name="purpose"
          label={t('inquiry.purpose')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('inquiry.purposeRequired') }]}
        >
          <Input maxLength={200} data-testid="inquiry-purpose" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
