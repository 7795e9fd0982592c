import { App, Form, Input, Modal, Select } from 'antd';
import type { TNewTeam, TRole, TUserListItem } from '../../../../../src/modules/identity/contracts.ts';
import { useCreateTeam, useUsers } from '../../../api/identity.ts';
import { CourtTreeSelect } from '../../../components/court-tree-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useServerFormErrors } from '../use-server-form.ts';

type TeamValues = {
  name: string;
  courtId: string;
  judgeId: string;
  assistantId?: string;
  bailiffId?: string;
  clerkId?: string;
};

const memberFields = [
  { name: 'judgeId', role: 'judge', isRequired: true },
  { name: 'assistantId', role: 'assistant', isRequired: false },
  { name: 'bailiffId', role: 'bailiff', isRequired: false },
  { name: 'clerkId', role: 'clerk', isRequired: false },
] as const satisfies readonly { name: keyof TeamValues; role: TRole; isRequired: boolean }[];

function toOptions(users: TUserListItem[], role: TRole) {
  return users
    .filter((user) => !user.disabled && user.roles.includes(role))
    .map((user) => ({ value: user.id, label: `${user.displayName}（${user.username}）` }));
}

type TeamCreateModalProps = { isOpen: boolean; courtId: string; onClose: () => void };

/** 执行团队: a judge leading an assistant, a bailiff and a clerk of the same court. */
export function TeamCreateModal({ isOpen, courtId, onClose }: TeamCreateModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamValues>();
  const createTeam = useCreateTeam();
  const serverErrors = useServerFormErrors(form);
  const selectedCourtId: string | undefined = Form.useWatch('courtId', form);
  const users = useUsers(selectedCourtId ?? courtId, { enabled: isOpen });

  const handleFinish = (values: TeamValues) => {
    serverErrors.clear();
    const body: TNewTeam = {
      name: values.name.trim(),
      courtId: values.courtId,
      judgeId: values.judgeId,
    };
    if (values.assistantId) body.assistantId = values.assistantId;
    if (values.bailiffId) body.bailiffId = values.bailiffId;
    if (values.clerkId) body.clerkId = values.clerkId;
    createTeam.mutate(body, {
      onSuccess: () => {
        message.success(t('admin.team.created', { name: body.name }));
        onClose();
      },
      onError: serverErrors.handleError,
    });
  };

  return (
    <Modal
      open={isOpen}
      title={t('admin.team.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createTeam.isPending}
      destroyOnHidden
      afterClose={() => {
        createTeam.reset();
        serverErrors.clear();
      }}
    >
      <ErrorAlert error={createTeam.error} extraMessages={serverErrors.unplaced} />
      <Form<TeamValues>
        preserve={false}
        form={form}
        layout="vertical"
        initialValues={{ courtId }}
        onFinish={handleFinish}
        onValuesChange={(changed: Partial<TeamValues>) => {
          // Members belong to one court: a new court clears the people picked from the old one.
          if (changed.courtId !== undefined) form.resetFields(memberFields.map((field) => field.name));
        }}
        disabled={createTeam.isPending}
      >
        <Form.Item
          name="name"
          label={t('admin.team.name')}
          rules={[{ required: true, whitespace: true, message: t('admin.team.nameRequired') }]}
        >
          <Input autoFocus maxLength={100} placeholder={t('admin.team.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="courtId"
          label={t('admin.user.court')}
          rules={[{ required: true, message: t('admin.court.pick') }]}
        >
          <CourtTreeSelect />
        </Form.Item>
        {memberFields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(`role.${field.role}`)}
            rules={field.isRequired ? [{ required: true, message: t('admin.team.judgeRequired') }] : []}
          >
            <Select
              allowClear={!field.isRequired}
              showSearch={{ optionFilterProp: 'label' }}
              loading={users.isPending}
              placeholder={field.isRequired ? undefined : t('admin.team.optional')}
              options={toOptions(users.data?.items ?? [], field.role)}
              notFoundContent={t('admin.team.noCandidates', { role: t(`role.${field.role}`) })}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
