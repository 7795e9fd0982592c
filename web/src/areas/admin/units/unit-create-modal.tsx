import { Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type {
  TNewUnit,
  TScene,
  TUnitCapability,
  TUnitCreated,
} from '../../../../../src/modules/matching/contracts.ts';
import { unitCapabilities, unitScenes, useCreateUnit } from '../../../api/units.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { useServerFormErrors } from '../use-server-form.ts';

type UnitValues = {
  name: string;
  scene: TScene;
  capability: TUnitCapability;
  ratePerMinute?: number | null;
  dailyQuota?: number | null;
  webhookUrl?: string;
};

type UnitCreateModalProps = {
  isOpen: boolean;
  onClose: () => void;
  /** The key is in this answer and nowhere else: the page shows it once. */
  onCreated: (created: TUnitCreated, name: string) => void;
};

/** 登记联合惩戒单位: name, scene, capability and optional limits and webhook; the server issues the key. */
export function UnitCreateModal({ isOpen, onClose, onCreated }: UnitCreateModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<UnitValues>();
  const createUnit = useCreateUnit();
  const serverErrors = useServerFormErrors(form);

  const handleFinish = (values: UnitValues) => {
    serverErrors.clear();
    const body: TNewUnit = {
      name: values.name.trim(),
      scene: values.scene,
      capability: values.capability,
    };
    if (typeof values.ratePerMinute === 'number') body.ratePerMinute = values.ratePerMinute;
    if (typeof values.dailyQuota === 'number') body.dailyQuota = values.dailyQuota;
    const webhookUrl = values.webhookUrl?.trim();
    if (webhookUrl) body.webhookUrl = webhookUrl;
    createUnit.mutate(body, {
      onSuccess: (created) => onCreated(created, body.name),
      onError: serverErrors.handleError,
    });
  };

  return (
    <Modal
      open={isOpen}
      title={t('units.createTitle')}
      okText={t('units.createSubmit')}
      okButtonProps={{ 'data-testid': 'unit-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createUnit.isPending}
      destroyOnHidden
      afterClose={() => {
        createUnit.reset();
        serverErrors.clear();
      }}
    >
      <ErrorAlert error={createUnit.error} extraMessages={serverErrors.unplaced} />
      <Form<UnitValues>
        preserve={false}
        form={form}
        layout="vertical"
        initialValues={{ capability: 'match' }}
        onFinish={handleFinish}
        disabled={createUnit.isPending}
      >
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }]}
        >
          <Input autoFocus maxLength={100} placeholder={t('units.namePlaceholder')} data-testid="unit-name" />
        </Form.Item>
        <Form.Item
          name="scene"
          label={t('units.scene')}
          extra={t('units.sceneHint')}
          rules={[{ required: true, message: t('units.sceneRequired') }]}
        >
          <Select
            data-testid="unit-scene"
            options={unitScenes.map((scene) => ({ value: scene, label: t(`units.scene.${scene}`) }))}
          />
        </Form.Item>
        <Form.Item name="capability" label={t('units.capability')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={unitCapabilities.map((capability) => ({
              value: capability,
              label: t(`units.capability.${capability}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="ratePerMinute" label={t('units.ratePerMinute')} extra={t('units.ratePerMinuteHint')}>
          <InputNumber<number>
            min={1}
            max={10_000_000}
            precision={0}
            placeholder="6000"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="dailyQuota" label={t('units.dailyQuota')} extra={t('units.dailyQuotaHint')}>
          <InputNumber<number>
            min={1}
            max={Number.MAX_SAFE_INTEGER}
            precision={0}
            placeholder="100000000"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="webhookUrl"
          label={t('units.webhookUrl')}
          extra={t('units.webhookUrlHint')}
          rules={[{ pattern: /^\s*https?:\/\/\S+\s*$/i, message: t('units.webhookUrlFormat') }]}
        >
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
