import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import type { TCaseFunds } from '../../../../../../src/modules/funds/contracts.ts';
import { isApiError } from '../../../../api/client.ts';
import {
  availableFen,
  refundAvailableFen,
  type TCasePayee,
  useProposeDisbursement,
} from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = {
  payeePartyId?: string;
  amountYuan?: string;
  purpose?: string;
  accountNumber?: string;
  accountName?: string;
  bankName?: string;
};

// The server names the amount in fen and the missing bank account; both belong beside these fields.
const fieldAliases: Record<string, string> = {
  amountFen: 'amountYuan',
  payeeAccount: 'payeePartyId',
  'payeeAccount.accountNumber': 'accountNumber',
  'payeeAccount.accountName': 'accountName',
  'payeeAccount.bankName': 'bankName',
};

type Respondent = Pick<TCaseDetail['respondents'][number], 'id' | 'name'>;

/**
 * 申请发放 (执行款物管理规定 art. 15): the amount is typed in yuan and sent as integer fen; the
 * server reserves it at once and answers "more than what is left" or "no account on file" on the field.
 * While the case holds money allocated as refund, a respondent may be chosen too (退还被执行人): the
 * refund is paid to the account typed here, through the same approval and bank.
 */
export function ProposeDisbursementForm({
  caseId,
  payees,
  respondents,
  funds,
}: {
  caseId: string;
  payees: TCasePayee[];
  respondents: Respondent[];
  funds: TCaseFunds;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const propose = useProposeDisbursement(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const payeeId = Form.useWatch('payeePartyId', form);
  const payee = payees.find((p) => p.partyId === payeeId);
  const refundLeft = refundAvailableFen(
    funds,
    respondents.map((r) => r.id),
  );
  const refundTo = refundLeft > 0 ? respondents : [];
  const isRefund = refundTo.some((r) => r.id === payeeId);
  const left = payee ? availableFen(payee) : isRefund ? refundLeft : null;

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const amountFen = yuanToFen(values.amountYuan);
    if (!values.payeePartyId || amountFen === null) return;
    const purpose = values.purpose?.trim();
    const payeeAccount =
      isRefund && values.accountNumber && values.accountName && values.bankName
        ? {
            accountNumber: values.accountNumber.replace(/[\s-]/g, ''),
            accountName: values.accountName.trim(),
            bankName: values.bankName.trim(),
          }
        : undefined;
    propose.mutate(
      {
        payeePartyId: values.payeePartyId,
        amountFen,
        ...(purpose ? { purpose } : {}),
        ...(payeeAccount ? { payeeAccount } : {}),
      },
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
                options={[
                  ...payees.map((p) => ({
                    value: p.partyId,
                    label: `${p.name}（¥${formatYuan(availableFen(p))}）`,
                  })),
                  ...refundTo.map((r) => ({
                    value: r.id,
                    label: t('funds.refund.payee', { name: r.name, left: formatYuan(refundLeft) }),
                  })),
                ]}
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
                placeholder={isRefund ? t('funds.refund.purpose') : t('funds.propose.purposePlaceholder')}
                data-testid="propose-purpose"
              />
            </Form.Item>
          </Col>
        </Row>
        {isRefund ? (
          <>
            <Typography.Paragraph type="secondary">{t('funds.refund.account')}</Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="accountNumber"
                  label={t('funds.bank.accountNumber')}
                  rules={[
                    { required: true, whitespace: true, message: t('funds.bank.accountNumberRequired') },
                    { pattern: /^[0-9][0-9 -]{5,33}$/, message: t('funds.bank.accountNumberFormat') },
                  ]}
                >
                  <Input inputMode="numeric" maxLength={40} data-testid="refund-account-number" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="accountName"
                  label={t('funds.bank.accountName')}
                  rules={[{ required: true, whitespace: true, message: t('funds.bank.accountNameRequired') }]}
                >
                  <Input maxLength={100} data-testid="refund-account-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="bankName"
                  label={t('funds.bank.bankName')}
                  rules={[{ required: true, whitespace: true, message: t('funds.bank.bankNameRequired') }]}
                >
                  <Input maxLength={100} data-testid="refund-bank-name" />
                </Form.Item>
              </Col>
            </Row>
          </>
        ) : null}
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
