import { CheckOutlined, PieChartOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Row, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan, splitFenProRata, yuanToFen } from '../../../../../../src/kernel/index.ts';
import type { TCaseFunds } from '../../../../../../src/modules/funds/contracts.ts';
import { isApiError } from '../../../../api/client.ts';
import { allocatableFen, type TAllocateShare, type TCasePayee, useAllocate } from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { MoneyText } from '../../../../components/money-text.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { shares?: { amountYuan?: string }[]; refundYuan?: string; total?: unknown };

/** Yuan as the amount inputs hold it (`"4300.00"`, no grouping). */
const fenToInput = (fen: number) => formatYuan(fen).replaceAll(',', '');

/** An optional amount as typed: empty is nothing (0), unreadable is `null`. */
function optionalFen(value: string | null | undefined): number | null {
  if (value === undefined || value === null || value === '') return 0;
  return yuanToFen(value);
}

/** What the form adds up to; unreadable amounts count as nothing (their own fields say why). */
function totalsOf(values: Values) {
  const sharesFen = (values.shares ?? []).reduce((a, s) => a + (optionalFen(s?.amountYuan) ?? 0), 0);
  const refundFen = optionalFen(values.refundYuan) ?? 0;
  return { sharesFen, refundFen, totalFen: sharesFen + refundFen };
}

/**
 * The server names the shares by their index in the request (the order of `payees`), the whole
 * list when the total is too much, and the refund in fen: each belongs beside its field here.
 */
function aliasesFor(payees: TCasePayee[]): Record<string, string> {
  const aliases: Record<string, string> = { shares: 'total', refundFen: 'refundYuan' };
  payees.forEach((_, i) => {
    aliases[`shares.${i}.amountFen`] = `shares.${i}.amountYuan`;
    aliases[`shares.${i}.payeePartyId`] = `shares.${i}.amountYuan`;
    aliases[`shares.${i}`] = `shares.${i}.amountYuan`;
  });
  return aliases;
}

function AmountInput({
  testId,
  ...props
}: {
  testId: string;
  value?: string;
  onChange?: (v: string | null) => void;
}) {
  return <YuanInput {...props} min="0" testId={testId} />;
}

/** The running total and what is left; the Form.Item around it carries the errors on the whole. */
function AllocationSummary({ totalFen, leftFen }: { totalFen: number; leftFen: number }) {
  const { t } = useI18n();
  const left = leftFen - totalFen;
  return (
    <Flex gap={24} wrap>
      <span>
        <Typography.Text type="secondary">{t('funds.allocate.total')} </Typography.Text>
        <span data-testid="allocate-total" data-fen={totalFen}>
          <MoneyText fen={totalFen} strong />
        </span>
      </span>
      <span>
        <Typography.Text type="secondary">
          {left < 0 ? t('funds.allocate.over') : t('funds.allocate.left')}{' '}
        </Typography.Text>
        <span data-testid="allocate-left" data-fen={left}>
          {left < 0 ? (
            <Typography.Text type="danger" strong className="tabular-nums">
              ¥{formatYuan(-left)}
            </Typography.Text>
          ) : (
            <MoneyText fen={left} strong />
          )}
        </span>
      </span>
    </Flex>
  );
}

/**
 * 决定分配: with several applicants the money waits unallocated until the case judge or a leader
 * of the case's court divides it. The fee still owed comes off first (the server takes it); each
 * applicant's share and an optional refund to the respondent are typed in yuan and sent as fen;
 * 按比例 divides what is left equally, to the fen. The server answers "more than is unallocated"
 * beside the total.
 */
export function AllocateForm({ caseId, funds }: { caseId: string; funds: TCaseFunds }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const allocate = useAllocate(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const { payees } = funds;
  const { feeFen, leftFen } = allocatableFen(funds);
  const watched = Form.useWatch([], form) as Values | undefined;
  const { totalFen } = totalsOf(watched ?? {});
  const shareNames = payees.map((_, i) => ['shares', i, 'amountYuan']);

  const fillProRata = () => {
    const refundFen = optionalFen(form.getFieldValue('refundYuan')) ?? 0;
    const base = Math.max(0, leftFen - (refundFen <= leftFen ? refundFen : 0));
    const parts = splitFenProRata(
      base,
      payees.map(() => 1),
    );
    form.setFields(
      parts.map((fen, i) => ({ name: ['shares', i, 'amountYuan'], value: fenToInput(fen), errors: [] })),
    );
    void form.validateFields(['total']).catch(() => undefined);
  };

  const send = async (shares: TAllocateShare[], refundFen: number) => {
    setUnplaced([]);
    try {
      const done = await allocate.mutateAsync({ shares, ...(refundFen > 0 ? { refundFen } : {}) });
      message.success(
        t('funds.allocate.done', {
          fee: formatYuan(done.feeFen),
          shares: formatYuan(done.sharesFen),
          refund: formatYuan(done.refundFen),
        }),
      );
      form.resetFields();
    } catch (error) {
      if (isApiError(error))
        setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage, aliasesFor(payees)).unplaced);
    }
  };

  const handleFinish = (values: Values) => {
    const shares = payees.map((p, i) => ({
      payeePartyId: p.partyId,
      amountFen: optionalFen(values.shares?.[i]?.amountYuan) ?? 0,
    }));
    const { sharesFen, refundFen } = totalsOf(values);
    modal.confirm({
      title: t('funds.allocate'),
      content: t('funds.allocate.confirm', {
        fee: formatYuan(feeFen),
        shares: formatYuan(sharesFen),
        refund: formatYuan(refundFen),
      }),
      okText: t('funds.allocate'),
      onOk: () => send(shares, refundFen),
    });
  };

  const amountRule = {
    validator: async (_rule: unknown, value: string | undefined) => {
      if (optionalFen(value) === null) throw new Error(t('funds.propose.amountFormat'));
    },
  };

  return (
    <Card
      size="small"
      title={t('funds.allocate.title', { amount: formatYuan(funds.balances.unallocatedFen) })}
      data-testid="funds-allocate"
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('funds.allocate.rule')} />
      <ErrorAlert error={allocate.error} extraMessages={unplaced} />
      {leftFen === 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('funds.allocate.feeOnly')} />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'unallocated',
            label: t('funds.allocate.unallocated'),
            children: <MoneyText fen={funds.balances.unallocatedFen} />,
          },
          {
            key: 'fee',
            label: t('funds.allocate.fee'),
            children: (
              <span data-testid="allocate-fee" data-fen={feeFen}>
                <MoneyText fen={feeFen} />
              </span>
            ),
          },
          {
            key: 'available',
            label: t('funds.allocate.available'),
            children: (
              <span data-testid="allocate-available" data-fen={leftFen}>
                <MoneyText fen={leftFen} strong />
              </span>
            ),
          },
        ]}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        onValuesChange={() => {
          if (allocate.error) allocate.reset();
        }}
        initialValues={{ shares: payees.map(() => ({})) }}
      >
        <Typography.Text strong>{t('funds.allocate.shares')}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          {payees.map((p, i) => (
            <Col xs={24} md={8} key={p.partyId}>
              <Form.Item
                name={['shares', i, 'amountYuan']}
                label={p.name}
                extra={t('funds.allocate.payable', { amount: formatYuan(p.payableFen) })}
                rules={[amountRule]}
              >
                <AmountInput testId={`allocate-share-${p.partyId}`} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={8}>
            <Form.Item
              name="refundYuan"
              label={t('funds.allocate.refund')}
              extra={t('funds.allocate.refundHint')}
              rules={[amountRule]}
            >
              <AmountInput testId="allocate-refund" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="total"
          dependencies={[...shareNames, 'refundYuan']}
          rules={[
            {
              validator: async () => {
                const { totalFen: sum } = totalsOf(form.getFieldsValue());
                if (sum === 0) throw new Error(t('funds.allocate.nothing'));
                if (sum > leftFen)
                  throw new Error(t('funds.allocate.tooMuch', { left: formatYuan(leftFen) }));
              },
            },
          ]}
        >
          <AllocationSummary totalFen={totalFen} leftFen={leftFen} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Tooltip title={t('funds.allocate.proRataHint')}>
            <Button icon={<PieChartOutlined />} onClick={fillProRata} data-testid="allocate-pro-rata">
              {t('funds.allocate.proRata')}
            </Button>
          </Tooltip>
          <Button
            type="primary"
            htmlType="submit"
            icon={<CheckOutlined />}
            loading={allocate.isPending}
            disabled={leftFen === 0}
            data-testid="allocate-submit"
          >
            {t('funds.allocate')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
