import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import type { TBoundRole, TRespondentCredit } from '../../../../../src/modules/credit/contracts.ts';
import { boundRoles, useOrderRestriction, useRestrictExit } from '../../../api/credit.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

type RestrictValues = { boundPersons?: { role: TBoundRole; name: string; idNumber?: string }[] };

/** 限制消费令 (限消规定): for an organisation, the persons it binds are named with their ID numbers. */
export function CreditRestrictionModal({
  caseId,
  respondent,
  onClose,
}: {
  caseId: string;
  respondent: TRespondentCredit | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RestrictValues>();
  const order = useOrderRestriction(caseId);
  const isOrganisation = respondent !== null && respondent.kind !== 'natural';
  return (
    <Modal
      open={respondent !== null}
      title={`${t('credit.restrict')} · ${respondent?.name ?? ''}`}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={order.isPending}
      destroyOnHidden
      afterClose={() => order.reset()}
      width={640}
    >
      <ErrorAlert error={order.error} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${t('credit.behaviours')}：${t('credit.behavioursAll')}`}
      />
      <Form<RestrictValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          boundPersons:
            isOrganisation && respondent?.legalRepresentative
              ? [{ role: 'legalRepresentative', name: respondent.legalRepresentative }]
              : [],
        }}
        onFinish={(v) =>
          order.mutate(
            {
              respondentId: respondent?.id ?? '',
              ...(isOrganisation
                ? {
                    boundPersons: (v.boundPersons ?? []).map((p) => ({
                      role: p.role,
                      name: p.name,
                      ...(p.idNumber ? { idNumber: p.idNumber } : {}),
                    })),
                  }
                : {}),
            },
            {
              onSuccess: () => {
                message.success(t('credit.done'));
                onClose();
              },
            },
          )
        }
      >
        {isOrganisation ? (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('credit.boundHint')} />
            <Form.List name="boundPersons">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'role']} rules={[{ required: true }]}>
                        <Select
                          style={{ width: 150 }}
                          options={boundRoles.map((r) => ({ value: r, label: t(`credit.role.${r}`) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                        <Input placeholder={t('credit.personName')} style={{ width: 120 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'idNumber']}>
                        <Input placeholder={t('credit.personId')} style={{ width: 200 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ role: 'actualController' })}
                  >
                    {t('credit.addPerson')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

type ExitValues = { authority?: string; name?: string; idNumber?: string };

/** 限制出境, with the notice to the exit authority; an organisation names the person restricted. */
export function CreditExitModal({
  caseId,
  respondent,
  onClose,
}: {
  caseId: string;
  respondent: TRespondentCredit | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExitValues>();
  const restrict = useRestrictExit(caseId);
  const isOrganisation = respondent !== null && respondent.kind !== 'natural';
  return (
    <Modal
      open={respondent !== null}
      title={`${t('credit.restrictExit')} · ${respondent?.name ?? ''}`}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={restrict.isPending}
      destroyOnHidden
      afterClose={() => restrict.reset()}
    >
      <ErrorAlert error={restrict.error} />
      <Form<ExitValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          authority: '出入境边防检查机关',
          name: respondent?.legalRepresentative ?? undefined,
        }}
        onFinish={(v) =>
          restrict.mutate(
            {
              respondentId: respondent?.id ?? '',
              authority: v.authority,
              ...(isOrganisation ? { person: { name: v.name ?? '', idNumber: v.idNumber ?? '' } } : {}),
            },
            {
              onSuccess: () => {
                message.success(t('credit.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="authority" label={t('credit.authority')}>
          <Input maxLength={100} />
        </Form.Item>
        {isOrganisation ? (
          <Space wrap>
            <Form.Item
              name="name"
              label={t('credit.personName')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('credit.personId')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input style={{ width: 220 }} />
            </Form.Item>
          </Space>
        ) : null}
      </Form>
    </Modal>
  );
}
