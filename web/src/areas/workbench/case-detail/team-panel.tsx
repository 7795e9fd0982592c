import { SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { TCaseDetail, TCaseTeam } from '../../../../../src/modules/cases/contracts.ts';
import { useAssignTeam } from '../../../api/cases.ts';
import { useTeams } from '../../../api/identity.ts';
import { hasAnyRole, useCurrentUser } from '../../../app/current-user.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

const teamRoles = ['judge', 'assistant', 'bailiff', 'clerk'] as const satisfies readonly (keyof TCaseTeam)[];

function AssignTeamModal({
  detail,
  isOpen,
  onClose,
}: {
  detail: TCaseDetail;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ teamId: string }>();
  const teams = useTeams(detail.court.id, { enabled: isOpen });
  const assign = useAssignTeam(detail.id);

  return (
    <Modal
      open={isOpen}
      title={t('case.team.assign')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={assign.isPending}
      destroyOnHidden
      afterClose={() => assign.reset()}
    >
      <ErrorAlert error={assign.error} />
      <Form
        preserve={false}
        form={form}
        layout="vertical"
        onFinish={(values) =>
          assign.mutate(values, {
            onSuccess: () => {
              message.success(t('case.team.assigned'));
              onClose();
            },
          })
        }
      >
        <Form.Item
          name="teamId"
          label={t('filing.team')}
          rules={[{ required: true, message: t('case.team.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isPending}
            options={(teams.data?.items ?? []).map((team) => ({
              value: team.id,
              label: team.judge ? `${team.name} · ${team.judge.displayName}` : team.name,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 执行团队: judge, assistant, bailiff and clerk of the case. */
export function TeamPanel({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [isAssigning, setIsAssigning] = useState(false);
  const canAssign =
    detail.status !== 'closed' && hasAnyRole(user, 'judge', 'courtLeader', 'commandCentre', 'admin');

  return (
    <>
      {detail.isTeamMember ? (
        <Alert type="success" showIcon title={t('case.team.youAreMember')} style={{ marginBottom: 12 }} />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={teamRoles.map((role) => ({
          key: role,
          label: t(`role.${role}`),
          children: detail.team[role]?.displayName ?? (
            <Typography.Text type="secondary">{t('case.team.vacant')}</Typography.Text>
          ),
        }))}
      />
      {canAssign ? (
        <Button
          icon={<SwapOutlined />}
          style={{ marginTop: 12 }}
          onClick={() => setIsAssigning(true)}
          data-testid="assign-team-button"
        >
          {t('case.team.assign')}
        </Button>
      ) : null}
      <AssignTeamModal detail={detail} isOpen={isAssigning} onClose={() => setIsAssigning(false)} />
    </>
  );
}
