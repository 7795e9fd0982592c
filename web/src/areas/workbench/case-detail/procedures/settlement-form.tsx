import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { useCreateSettlement } from '../../../../api/procedures.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { dateFormat, toDateString } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { serverToday } from '../../../../lib/server-clock.ts';

type InstalmentValues = { dueDate?: Dayjs | null; amountYuan?: string };
type Values = { terms?: string; instalments: InstalmentValues[] };

// rules/settlement.ts: at most 120 instalments.
const maxInstalments = 120;

// The server names amounts in fen; its messages belong beside the amounts typed in yuan.
function aliasesFor(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`instalments.${i}.amountFen`, `instalments.${i}.amountYuan`]),
  );
}

/**
 * 登记和解协议: the terms and the instalments, each with its due date (strictly after the one
 * before, not before today) and its amount in yuan. Recording it suspends enforcement.
 */
export function SettlementForm({
  caseId,
  isOpen,
  onClose,
}: {
  caseId: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSettlement(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const instalments = Form.useWatch('instalments', form) ?? [];
  const totalFen = instalments.reduce((sum, i) => sum + (yuanToFen(i?.amountYuan) ?? 0), 0);

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const rows = values.instalments.map((i) => ({
      dueDate: i.dueDate ? toDateString(i.dueDate) : '',
      amountFen: yuanToFen(i.amountYuan) ?? 0,
    }));
    create.mutate(
      { terms: (values.terms ?? '').trim(), instalments: rows },
      {
        onSuccess: () => {
          message.success(t('settlement.created'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error))
            setUnplaced(
              applyServerFieldErrors(form, error, i18n.pickMessage, aliasesFor(rows.length)).unplaced,
            );
        },
      },
    );
  };

  // Each due date after the previous one, and none before today (rules/settlement.ts).
  const dueDateRule = (index: number) => ({
    validator: async (_rule: unknown, value: Dayjs | null | undefined) => {
      if (!value) throw new Error(t('settlement.dueDateRequired'));
      const day = toDateString(value);
      const previous: Dayjs | null | undefined = form.getFieldValue(['instalments', index - 1, 'dueDate']);
      if (day < serverToday() || (index > 0 && previous && day <= previous.format(dateFormat)))
        throw new Error(t('settlement.dueDateOrder'));
    },
  });

  return (
    <Modal
      open={isOpen}
      width={680}
      title={t('settlement.create')}
      okText={t('settlement.create')}
      okButtonProps={{ 'data-testid': 'settlement-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      afterClose={() => {
        create.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={create.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ instalments: [{}] }}
        onFinish={handleFinish}
        data-testid="settlement-form"
      >
        <Form.Item
          name="terms"
          label={t('settlement.terms')}
          rules={[{ required: true, whitespace: true, message: t('settlement.termsRequired') }]}
        >
          <Input.TextArea
            maxLength={4000}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            data-testid="settlement-terms"
          />
        </Form.Item>
        <Typography.Text strong>{t('settlement.instalments')}</Typography.Text>
        <Form.List name="instalments">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0} style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" data-testid="settlement-instalment">
                  <Typography.Text style={{ width: 64, paddingTop: 5 }} className="tabular-nums">
                    {t('settlement.instalment', { n: index + 1 })}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'dueDate']}
                    rules={[dueDateRule(index)]}
                    dependencies={index > 0 ? [['instalments', index - 1, 'dueDate']] : []}
                    style={{ flex: 1 }}
                  >
                    <DatePicker
                      style={{ width: '100%' }}
                      placeholder={t('settlement.dueDate')}
                      aria-label={`${t('settlement.instalment', { n: index + 1 })} ${t('settlement.dueDate')}`}
                      data-testid="settlement-due-date"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amountYuan']}
                    style={{ flex: 1 }}
                    rules={[
                      {
                        validator: async (_rule, value: string | undefined) => {
                          if (value === undefined || value === null || value === '')
                            throw new Error(t('settlement.amountRequired'));
                          const fen = yuanToFen(value);
                          if (fen === null) throw new Error(t('settlement.amountFormat'));
                          if (fen < 1) throw new Error(t('funds.propose.amountPositive'));
                        },
                      },
                    ]}
                  >
                    <YuanInput
                      placeholder={t('settlement.amount')}
                      aria-label={`${t('settlement.instalment', { n: index + 1 })} ${t('settlement.amount')}`}
                      testId="settlement-amount"
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    aria-label={t('settlement.removeInstalment', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Flex justify="space-between" align="center">
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= maxInstalments}
                  onClick={() => add({})}
                  data-testid="settlement-add-instalment"
                >
                  {t('settlement.addInstalment')}
                </Button>
                <Typography.Text strong className="tabular-nums" data-testid="settlement-total">
                  {t('settlement.total', { total: formatYuan(totalFen) })}
                </Typography.Text>
              </Flex>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
