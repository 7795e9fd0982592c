import { App, Checkbox, Form, Input, Modal } from 'antd';
import type { TRole, TUserListItem } from '../../../../../src/modules/identity/contracts.ts';
import { roles, useUpdateUser } from '../../../api/identity.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useServerFormErrors } from '../use-server-form.ts';

type EditValues = { displayName: string; roles: TRole[] };

type UserEditModalProps = { user: TUserListItem | null; isOpen: boolean; onClose: () => void };

export function UserEditModal({ user, isOpen, onClose }: UserEditModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const updateUser = useUpdateUser();
  const serverErrors = useServerFormErrors(form);

  const handleFinish = (values: EditValues) => {
    if (!user) return;
    serverErrors.clear();
    updateUser.mutate(
      { id: user.id, body: { displayName: values.displayName.trim(), roles: values.roles } },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: serverErrors.handleError,
      },
    );
  };

  return (
    <Modal
      open={isOpen && user !== null}
      title={t('admin.user.edit', { username: user?.username ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={updateUser.isPending}
      destroyOnHidden
      afterClose={() => {
        updateUser.reset();
        serverErrors.clear();
      }}
    >
      <ErrorAlert error={updateUser.error} extraMessages={serverErrors.unplaced} />
      {user ? (
        <Form<EditValues>
          preserve={false}
          form={form}
          layout="vertical"
          initialValues={{ displayName: user.displayName, roles: user.roles }}
          onFinish={handleFinish}
          disabled={updateUser.isPending}
        >
          <Form.Item
            name="displayName"
            label={t('admin.user.displayName')}
            rules={[{ required: true, whitespace: true, message: t('admin.user.displayNameRequired') }]}
          >
            <Input autoFocus maxLength={100} />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('admin.user.roles')}
            rules={[{ required: true, message: t('admin.user.rolesRequired') }]}
          >
            <Checkbox.Group options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
