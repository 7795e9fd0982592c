import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { availableFen, type TCasePayee, useProposeDisbursement } from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { payeePartyId?: string; amountYuan?: string; purpose?: string };

// The server names the amount in fen and the missing bank account; both belong beside these fields.
const fieldAliases: Record<string, string> = {
  amountFen: 'amountYuan',
  payeeAccount: 'payeePartyId',
  'payeeAccount.accountNumber': 'payeePartyId',
};

/**
 * 申请发放 (执行款物管理规定 art. 15): the amount is typed in yuan and sent as integer fen; the
 * server reserves it at once and answers "more than what is left" or "no account on file" on the field.
 */
export function ProposeDisbursementForm({ caseId, payees }: { caseId: string; payees: TCasePayee[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const propose = useProposeDisbursement(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const payeeId = Form.useWatch('payeePartyId', form);
  const payee = payees.find((p) => p.partyId === payeeId);
  const left = payee ? availableFen(payee) : null;

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const amountFen = yuanToFen(values.amountYuan);
    if (!values.payeePartyId || amountFen === null) return;
    const purpose = values.purpose?.trim();
    propose.mutate(
      { payeePartyId: values.payeePartyId, amountFen, ...(purpose ? { purpose } : {}) },
      {
        onSuccess: () => {
          message.success(t('funds.proposed'));
          form.resetFields(['amountYuan', 'purpose']);
        },
        onError: (error) => {
          if (isApiError(error))
            setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage, fieldAliases).unplaced);
        },
      },
    );
  };

  return (
    <Card size="small" title={t('funds.propose')} data-testid="funds-propose">
      <ErrorAlert error={propose.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        onValuesChange={() => {
          if (propose.error) propose.reset();
        }}
        initialValues={{ payeePartyId: payees.length === 1 ? payees[0]?.partyId : undefined }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="payeePartyId"
              label={t('funds.payee')}
              rules={[{ required: true, message: t('funds.propose.payeeRequired') }]}
            >
              <Select
                data-testid="propose-payee"
                options={payees.map((p) => ({
                  value: p.partyId,
                  label: `${p.name}（¥${formatYuan(availableFen(p))}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="amountYuan"
              label={t('funds.propose.amount')}
              extra={left !== null ? t('funds.propose.available', { left: formatYuan(left) }) : undefined}
              dependencies={['payeePartyId']}
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    if (value === undefined || value === null || value === '')
                      throw new Error(t('funds.propose.amountRequired'));
                    const fen = yuanToFen(value);
                    if (fen === null) throw new Error(t('funds.propose.amountFormat'));
                    if (fen < 1) throw new Error(t('funds.propose.amountPositive'));
                    if (left !== null && fen > left)
                      throw new Error(t('funds.propose.amountTooMuch', { left: formatYuan(left) }));
                  },
                },
              ]}
            >
              <YuanInput testId="propose-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="purpose" label={t('funds.propose.purpose')}>
              <Input
                maxLength={200}
                placeholder={t('funds.propose.purposePlaceholder')}
                data-testid="propose-purpose"
              />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={propose.isPending}
          data-testid="propose-submit"
        >
          {t('funds.propose')}
        </Button>
      </Form>
    </Card>
  );
}
