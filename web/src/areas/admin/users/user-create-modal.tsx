import { App, Checkbox, Form, Input, Modal } from 'antd';
import type { TNewUser } from '../../../../../src/modules/identity/contracts.ts';
import { roles, useCreateUser } from '../../../api/identity.ts';
import { CourtTreeSelect } from '../../../components/court-tree-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useServerFormErrors } from '../use-server-form.ts';

type UserCreateModalProps = { isOpen: boolean; courtId: string; onClose: () => void };

export function UserCreateModal({ isOpen, courtId, onClose }: UserCreateModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TNewUser>();
  const createUser = useCreateUser();
  const serverErrors = useServerFormErrors(form);

  const handleFinish = (values: TNewUser) => {
    serverErrors.clear();
    const body: TNewUser = {
      ...values,
      username: values.username.trim(),
      displayName: values.displayName.trim(),
    };
    createUser.mutate(body, {
      onSuccess: () => {
        message.success(t('admin.user.created', { name: body.displayName }));
        onClose();
      },
      onError: serverErrors.handleError,
    });
  };

  return (
    <Modal
      open={isOpen}
      title={t('admin.user.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createUser.isPending}
      destroyOnHidden
      afterClose={() => {
        createUser.reset();
        serverErrors.clear();
      }}
    >
      <ErrorAlert error={createUser.error} extraMessages={serverErrors.unplaced} />
      <Form<TNewUser>
        preserve={false}
        form={form}
        layout="vertical"
        initialValues={{ courtId, roles: [] }}
        onFinish={handleFinish}
        disabled={createUser.isPending}
        autoComplete="off"
      >
        <Form.Item
          name="username"
          label={t('admin.user.username')}
          extra={t('admin.user.usernameHint')}
          rules={[
            { required: true, message: t('admin.user.usernameRequired') },
            { pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/, message: t('admin.user.usernameFormat') },
          ]}
        >
          <Input autoFocus maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.user.displayName')}
          rules={[{ required: true, whitespace: true, message: t('admin.user.displayNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.user.password')}
          extra={t('admin.user.passwordHint')}
          rules={[
            { required: true, message: t('admin.user.passwordRequired') },
            { min: 8, message: t('admin.user.passwordLength') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="courtId"
          label={t('admin.user.court')}
          rules={[{ required: true, message: t('admin.court.pick') }]}
        >
          <CourtTreeSelect />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('admin.user.roles')}
          rules={[{ required: true, message: t('admin.user.rolesRequired') }]}
        >
          <Checkbox.Group options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
