import { App, Form, Modal, Select, Spin } from 'antd';
import type { TUserListItem } from '../../../../../src/modules/identity/contracts.ts';
import { areaCodePattern, useSetUserAreas, useUserAreas } from '../../../api/grid.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useServerFormErrors } from '../use-server-form.ts';

type AreasValues = { areaCodes: string[] };

// The server names a bad code by its index (`areaCodes.3`); the whole list is one field here.
const maxAreas = 50;
const areaAliases = Object.fromEntries(
  Array.from({ length: maxAreas }, (_, i) => [`areaCodes.${i}`, 'areaCodes']),
);

type UserAreasModalProps = { user: TUserListItem | null; isOpen: boolean; onClose: () => void };

/** 网格员所辖区域: the 6-digit division codes whose debtors reach the grid worker's inbox. */
export function UserAreasModal({ user, isOpen, onClose }: UserAreasModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AreasValues>();
  const areas = useUserAreas(user?.id ?? '', { enabled: isOpen && user !== null });
  const setAreas = useSetUserAreas();
  const serverErrors = useServerFormErrors(form, areaAliases);

  const handleFinish = (values: AreasValues) => {
    if (!user) return;
    serverErrors.clear();
    const areaCodes = [...new Set(values.areaCodes.map((code) => code.trim()).filter(Boolean))];
    setAreas.mutate(
      { userId: user.id, areaCodes },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: serverErrors.handleError,
      },
    );
  };

  const body = () => {
    if (!user) return null;
    if (areas.isError) return <QueryError error={areas.error} onRetry={() => areas.refetch()} />;
    if (!areas.data) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
    return (
      <Form<AreasValues>
        preserve={false}
        form={form}
        layout="vertical"
        initialValues={{ areaCodes: areas.data.areaCodes }}
        onFinish={handleFinish}
        disabled={setAreas.isPending}
      >
        <Form.Item
          name="areaCodes"
          label={t('admin.user.areaCodes')}
          extra={t('admin.user.areaCodesHint')}
          rules={[
            {
              validator: (_rule, value: string[] | undefined) => {
                const bad = (value ?? []).filter((code) => !areaCodePattern.test(code.trim()));
                return bad.length === 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.user.areaCodeFormat', { codes: bad.join('、') })));
              },
            },
            { type: 'array', max: maxAreas },
          ]}
        >
          <Select
            data-testid="area-codes-select"
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、', ' ']}
            placeholder={t('admin.user.areaCodesPlaceholder')}
            autoFocus
          />
        </Form.Item>
      </Form>
    );
  };

  return (
    <Modal
      open={isOpen && user !== null}
      title={t('admin.user.areasTitle', { username: user?.username ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: !areas.data }}
      onCancel={onClose}
      confirmLoading={setAreas.isPending}
      destroyOnHidden
      afterClose={() => {
        setAreas.reset();
        serverErrors.clear();
      }}
    >
      <ErrorAlert error={setAreas.error} extraMessages={serverErrors.unplaced} />
      {body()}
    </Modal>
  );
}
