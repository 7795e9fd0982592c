import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import {
  rulingDecisions,
  type TAddition,
  type TRulingDecision,
  useRuleOnAddition,
} from '../../../../api/additions.ts';
import { isApiError } from '../../../../api/client.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { decision?: TRulingDecision; reasons?: string };

/**
 * 裁定: the case judge (for the collegial panel) or a court leader adds the party as a respondent,
 * with its limit of liability, or rejects the application (变更追加规定 arts. 28, 30, 32).
 */
export function RulingModal({
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
  const rule = useRuleOnAddition(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const decision = Form.useWatch('decision', form);

  const handleFinish = (values: Values) => {
    if (!addition || !values.decision) return;
    setUnplaced([]);
    rule.mutate(
      {
        additionId: addition.id,
        body: { decision: values.decision, reasons: (values.reasons ?? '').trim() },
      },
      {
        onSuccess: () => {
          message.success(t('additions.ruled'));
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
      width={600}
      title={addition ? `${t('additions.rule')} · ${addition.party.name}` : t('additions.rule')}
      okText={t('additions.rule')}
      okButtonProps={{ 'data-testid': 'addition-rule-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={rule.isPending}
      destroyOnHidden
      afterClose={() => {
        rule.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={rule.error} extraMessages={unplaced} />
      {addition && addition.hearing === null && decision === 'add' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('additions.rule.noHearingHint')} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        disabled={rule.isPending}
      >
        <Form.Item
          name="decision"
          label={t('additions.rule.decision')}
          rules={[{ required: true, message: t('additions.rule.decision') }]}
        >
          <Radio.Group
            options={rulingDecisions.map((d) => ({ value: d, label: t(`additions.rule.${d}`) }))}
            data-testid="addition-rule-decision"
          />
        </Form.Item>
        <Form.Item
          name="reasons"
          label={t('additions.rule.reasons')}
          rules={[{ required: true, whitespace: true, message: t('additions.rule.reasonsRequired') }]}
        >
          <Input.TextArea
            maxLength={8000}
            showCount
            autoSize={{ minRows: 4, maxRows: 10 }}
            data-testid="addition-rule-reasons"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
