import { App, Flex, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { type TCaseAsset, type TValuationMethod, useStartValuation } from '../../../../api/disposal.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { isPricedAtOnce, methodHintKey, methodKey, valuationMethods } from './labels.ts';

type Values = { method?: TValuationMethod; priceYuan?: string };

/**
 * 启动询价评估 of a sealed or seized asset (参考价规定 2018): the method, and for a negotiated price or
 * a directed inquiry the figure itself, which fixes the reference price at once. Online inquiry asks
 * every listed platform; appraisal draws an appraiser by lottery.
 */
export function StartValuationModal({
  caseId,
  asset,
  assetLabel,
  onClose,
}: {
  caseId: string;
  asset: TCaseAsset | null;
  assetLabel: string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const start = useStartValuation(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: Values) => {
    if (!asset || !values.method) return;
    setUnplaced([]);
    const priceFen = isPricedAtOnce(values.method) ? yuanToFen(values.priceYuan) : null;
    start.mutate(
      { assetId: asset.assetId, method: values.method, ...(priceFen !== null ? { priceFen } : {}) },
      {
        onSuccess: (answer) => {
          message.success(
            answer.state === 'priced' && priceFen !== null
              ? t('disposal.startedPriced', { price: `¥${formatYuan(priceFen)}` })
              : t('disposal.started'),
          );
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) {
            setUnplaced(
              applyServerFieldErrors(form, error, i18n.pickMessage, { priceFen: 'priceYuan' }).unplaced,
            );
          }
        },
      },
    );
  };

  return (
    <Modal
      open={asset !== null}
      title={t('disposal.startValuation.title', { asset: assetLabel })}
      okText={t('disposal.startValuation')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={start.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'valuation-submit' }}
      afterClose={() => {
        start.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={start.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        onValuesChange={() => {
          if (start.error) start.reset();
        }}
        data-testid="valuation-form"
      >
        <Form.Item
          name="method"
          label={t('disposal.method')}
          rules={[{ required: true, message: t('disposal.methodRequired') }]}
        >
          <Radio.Group style={{ width: '100%' }} data-testid="valuation-method">
            <Flex vertical gap={8}>
              {valuationMethods.map((m) => (
                <Radio key={m} value={m} data-testid={`valuation-method-${m}`}>
                  <Typography.Text strong>{t(methodKey(m))}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(methodHintKey(m))}
                  </Typography.Text>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        {method && isPricedAtOnce(method) ? (
          <Form.Item
            name="priceYuan"
            label={t(
              method === 'negotiated' ? 'disposal.price.negotiated' : 'disposal.price.directedInquiry',
            )}
            rules={[{ required: true, message: t('disposal.priceRequired') }]}
          >
            <YuanInput testId="valuation-price" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
