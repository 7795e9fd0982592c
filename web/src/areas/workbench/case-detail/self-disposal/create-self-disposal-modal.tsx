import { App, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import type { TCaseAsset } from '../../../../api/disposal.ts';
import {
  maxSelfDisposalDays,
  type TSelfDisposalApplication,
  useCreateSelfDisposal,
} from '../../../../api/self-disposal.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { assetId?: string; days?: number; lowestPriceYuan?: string };

const fieldAliases = { lowestPriceFen: 'lowestPriceYuan' };

/** What the modal opens with: empty, or the respondent's application to decide on. */
export type CreatePrefill = { application: TSelfDisposalApplication | null };

/**
 * 准许自行处置: the judge chooses a sealed or seized asset of the case, the period (1–60 days,
 * 善意文明执行意见) and the lowest price the sale may be agreed at.
 */
export function CreateSelfDisposalModal({
  caseId,
  prefill,
  assets,
  assetLabel,
  onClose,
}: {
  caseId: string;
  prefill: CreatePrefill | null;
  assets: TCaseAsset[];
  assetLabel: (asset: TCaseAsset) => string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSelfDisposal(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const application = prefill?.application ?? null;

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const lowestPriceFen = yuanToFen(values.lowestPriceYuan ?? '');
    if (!values.assetId || values.days === undefined || lowestPriceFen === null) return;
    create.mutate(
      {
        assetId: values.assetId,
        days: values.days,
        lowestPriceFen,
        ...(application ? { applicationId: application.id } : {}),
      },
      {
        onSuccess: () => {
          message.success(t('selfDisposal.granted'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error))
            setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage, fieldAliases).unplaced);
        },
      },
    );
  };

  return (
    <Modal
      open={prefill !== null}
      title={t('selfDisposal.grant')}
      okText={t('selfDisposal.grant')}
      okButtonProps={{ 'data-testid': 'self-disposal-create-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterClose={() => {
        create.reset();
        setUnplaced([]);
      }}
      width={560}
    >
      <ErrorAlert error={create.error} extraMessages={unplaced} />
      {application ? (
        <Typography.Paragraph type="secondary">
          {t('selfDisposal.fromApplication', { name: application.submitterName })}
        </Typography.Paragraph>
      ) : null}
      <Form<Values>
        preserve={false}
        form={form}
        layout="vertical"
        initialValues={{
          assetId: application?.assetId,
          lowestPriceYuan: application
            ? formatYuan(application.proposedPriceFen).replace(/,/g, '')
            : undefined,
        }}
        onFinish={handleFinish}
        disabled={create.isPending}
        data-testid="self-disposal-create-form"
      >
        <Form.Item
          name="assetId"
          label={t('selfDisposal.assetLabel')}
          rules={[{ required: true, message: t('selfDisposal.assetRequired') }]}
        >
          <Select
            data-testid="self-disposal-asset"
            notFoundContent={t('selfDisposal.assetsEmpty')}
            options={assets.map((a) => ({ value: a.assetId, label: assetLabel(a) }))}
          />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('selfDisposal.days')}
          extra={t('selfDisposal.daysHint', { max: maxSelfDisposalDays })}
          rules={[
            { required: true, message: t('selfDisposal.daysRequired') },
            // 善意文明执行意见: the period is at most 60 days.
            {
              type: 'integer',
              min: 1,
              max: maxSelfDisposalDays,
              message: t('selfDisposal.daysRange', { max: maxSelfDisposalDays }),
            },
          ]}
        >
          <InputNumber<number>
            min={1}
            max={maxSelfDisposalDays}
            precision={0}
            style={{ width: '100%' }}
            data-testid="self-disposal-days"
          />
        </Form.Item>
        <Form.Item
          name="lowestPriceYuan"
          label={t('selfDisposal.lowestPrice')}
          extra={t('selfDisposal.lowestPriceHint')}
          rules={[{ required: true, message: t('selfDisposal.lowestPriceRequired') }]}
        >
          <YuanInput testId="self-disposal-lowest-price" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
