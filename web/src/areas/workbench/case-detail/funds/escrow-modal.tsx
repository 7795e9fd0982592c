import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { availableFen, type TCasePayee, type TEscrowGround, useLodgeEscrow } from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { escrowGroundKey, escrowGrounds } from './labels.ts';

type Values = { amountYuan?: string; ground?: TEscrowGround; note?: string };

// The server names the amount in fen; its message belongs beside the amount typed in yuan.
const fieldAliases: Record<string, string> = { amountFen: 'amountYuan' };

/**
 * 提存 (执行款物管理规定): a court leader of the case's court lodges money payable to an applicant
 * who refuses it, cannot be found or cannot receive it. Only what no proposal holds can be lodged;
 * the server answers "more than can be lodged" beside the amount.
 */
export function EscrowModal({
  caseId,
  payee,
  onClose,
}: {
  caseId: string;
  payee: TCasePayee | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const lodge = useLodgeEscrow(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const left = payee ? availableFen(payee) : 0;

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const amountFen = yuanToFen(values.amountYuan);
    if (!payee || !values.ground || amountFen === null) return;
    const note = values.note?.trim();
    lodge.mutate(
      { payeePartyId: payee.partyId, amountFen, ground: values.ground, ...(note ? { note } : {}) },
      {
        onSuccess: (lodged) => {
          message.success(t('funds.escrow.lodged', { amount: formatYuan(lodged.amountFen) }));
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
      open={payee !== null}
      title={t('funds.escrow.title', { payee: payee?.name ?? '' })}
      okText={t('funds.escrow')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={lodge.isPending}
      destroyOnHidden
      afterClose={() => {
        lodge.reset();
        setUnplaced([]);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('funds.escrow.rule')} />
      <ErrorAlert error={lodge.error} extraMessages={unplaced} />
      {payee ? (
        <Typography.Paragraph type="secondary">
          {t('funds.escrow.available', { left: formatYuan(left) })}
        </Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        onValuesChange={() => {
          if (lodge.error) lodge.reset();
        }}
      >
        <Form.Item
          name="amountYuan"
          label={t('funds.escrow.amount')}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (value === undefined || value === null || value === '')
                  throw new Error(t('funds.escrow.amountRequired'));
                const fen = yuanToFen(value);
                if (fen === null) throw new Error(t('funds.propose.amountFormat'));
                if (fen < 1) throw new Error(t('funds.propose.amountPositive'));
                if (fen > left) throw new Error(t('funds.escrow.amountTooMuch', { left: formatYuan(left) }));
              },
            },
          ]}
        >
          <YuanInput testId="escrow-amount" />
        </Form.Item>
        <Form.Item
          name="ground"
          label={t('funds.escrow.ground')}
          rules={[{ required: true, message: t('funds.escrow.groundRequired') }]}
        >
          <Select<TEscrowGround>
            data-testid="escrow-ground"
            options={escrowGrounds.map((ground) => ({ value: ground, label: t(escrowGroundKey(ground)) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('funds.escrow.note')}>
          <Input maxLength={500} showCount data-testid="escrow-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
