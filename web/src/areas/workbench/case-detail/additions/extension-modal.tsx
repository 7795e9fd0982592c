import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { type TAddition, useExtendAddition } from '../../../../api/additions.ts';
import { isApiError } from '../../../../api/client.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { days?: number; reason?: string };

// contracts.ts: a plausibility bound — art. 28 sets no length for the president's extension.
const maxDays = 365;

/** 延长审查期限: the president (a court leader of the case's court) extends the 60 days (art. 28). */
export function ExtensionModal({
  caseId,
  addition,
  onClose,
}: {
  caseId: string;
  addition: TAddition | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const extend = useExtendAddition(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: Values) => {
    if (!addition || values.days === undefined) return;
    setUnplaced([]);
    extend.mutate(
      { additionId: addition.id, body: { days: values.days, reason: (values.reason ?? '').trim() } },
      {
        onSuccess: () => {
          message.success(t('additions.extendedOk'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  return (
    <Modal
      open={addition !== null}
      width={560}
      title={addition ? `${t('additions.extend')} · ${addition.party.name}` : t('additions.extend')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'addition-extend-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={extend.isPending}
      destroyOnHidden
      afterClose={() => {
        extend.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={extend.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        disabled={extend.isPending}
      >
        <Form.Item
          name="days"
          label={t('additions.extend.days')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: maxDays,
              message: t('additions.extend.daysRequired'),
            },
          ]}
        >
          <InputNumber min={1} max={maxDays} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('additions.extend.reason')}
          rules={[{ required: true, whitespace: true, message: t('additions.extend.reasonRequired') }]}
        >
          <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
