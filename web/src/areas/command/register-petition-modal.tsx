import { App, Form, Input, Modal } from 'antd';
import { useRegisterPetition } from '../../api/command.ts';
import { CaseSearchSelect } from '../../components/case-search-select.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useServerFormErrors } from '../admin/use-server-form.ts';

type Values = { caseId: string; petitioner: string; summary: string };

/** 信访登记: a petition against a case, found by its number or a party's name. */
export function RegisterPetitionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const register = useRegisterPetition();
  const errors = useServerFormErrors(form);

  const handleFinish = (values: Values) => {
    errors.clear();
    register.mutate(
      { caseId: values.caseId, petitioner: values.petitioner.trim(), summary: values.summary.trim() },
      {
        onSuccess: (registered) => {
          message.success(t('command.petition.registered', { date: registered.registeredOn }));
          onClose();
        },
        onError: errors.handleError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('command.petition.register')}
      okText={t('command.petition.register')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={register.isPending}
      destroyOnHidden
      afterClose={() => {
        register.reset();
        errors.clear();
      }}
      width={600}
    >
      <ErrorAlert error={register.error} extraMessages={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        data-testid="petition-form"
      >
        <Form.Item
          name="caseId"
          label={t('command.petition.case')}
          rules={[{ required: true, message: t('command.petition.caseRequired') }]}
        >
          <CaseSearchSelect placeholder={t('command.petition.casePlaceholder')} data-testid="petition-case" />
        </Form.Item>
        <Form.Item
          name="petitioner"
          label={t('command.petition.petitioner')}
          rules={[{ required: true, whitespace: true, message: t('command.petition.petitionerRequired') }]}
        >
          <Input maxLength={100} data-testid="petition-petitioner" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('command.petition.summary')}
          rules={[{ required: true, whitespace: true, message: t('command.petition.summaryRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="petition-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
