import { App, Form, Input, Modal, Select } from 'antd';
import { type CourtLevel, courtLevelValues } from '../../../../../src/kernel/index.ts';
import type { TNewCourt } from '../../../../../src/modules/identity/contracts.ts';
import { useCreateCourt } from '../../../api/identity.ts';
import { CourtTreeSelect } from '../../../components/court-tree-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useServerFormErrors } from '../use-server-form.ts';

type CourtValues = {
  name: string;
  courtCode: string;
  level: CourtLevel;
  divisionCode: string;
  parentId?: string;
};

type CourtFormModalProps = { isOpen: boolean; parentId?: string; onClose: () => void };

export function CourtFormModal({ isOpen, parentId, onClose }: CourtFormModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CourtValues>();
  const createCourt = useCreateCourt();
  const serverErrors = useServerFormErrors(form);
  const level = Form.useWatch('level', form);

  const handleFinish = (values: CourtValues) => {
    serverErrors.clear();
    const body: TNewCourt = {
      name: values.name.trim(),
      courtCode: values.courtCode.trim(),
      level: values.level,
      divisionCode: values.divisionCode.trim(),
      parentId: values.level === 'supreme' ? null : (values.parentId ?? null),
    };
    createCourt.mutate(body, {
      onSuccess: () => {
        message.success(t('admin.court.created', { name: body.name }));
        onClose();
      },
      onError: serverErrors.handleError,
    });
  };

  return (
    <Modal
      open={isOpen}
      title={t('admin.court.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createCourt.isPending}
      destroyOnHidden
      afterClose={() => {
        createCourt.reset();
        serverErrors.clear();
      }}
    >
      <ErrorAlert error={createCourt.error} extraMessages={serverErrors.unplaced} />
      <Form<CourtValues>
        preserve={false}
        form={form}
        layout="vertical"
        initialValues={{ level: 'basic', parentId }}
        onFinish={handleFinish}
        disabled={createCourt.isPending}
      >
        <Form.Item
          name="name"
          label={t('admin.court.name')}
          rules={[{ required: true, whitespace: true, message: t('admin.court.nameRequired') }]}
        >
          <Input autoFocus maxLength={100} placeholder={t('admin.court.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="level" label={t('admin.court.level')} rules={[{ required: true }]}>
          <Select options={courtLevelValues.map((value) => ({ value, label: t(`courtLevel.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="courtCode"
          label={t('admin.court.courtCode')}
          extra={t('admin.court.courtCodeHint')}
          rules={[{ required: true, whitespace: true, message: t('admin.court.courtCodeRequired') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('admin.court.divisionCode')}
          rules={[
            { required: true, message: t('admin.court.divisionCodeRequired') },
            { pattern: /^\d{6}$/, message: t('admin.court.divisionCodeFormat') },
          ]}
        >
          <Input maxLength={6} className="tabular-nums" inputMode="numeric" />
        </Form.Item>
        {level !== 'supreme' ? (
          <Form.Item
            name="parentId"
            label={t('admin.court.parent')}
            rules={[{ required: true, message: t('admin.court.parentRequired') }]}
          >
            <CourtTreeSelect />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
