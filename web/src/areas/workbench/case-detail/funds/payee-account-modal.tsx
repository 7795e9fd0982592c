import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { TBankAccount } from '../../../../../../src/modules/funds/contracts.ts';
import { isApiError } from '../../../../api/client.ts';
import { type TCasePayee, useSavePayeeAccount } from '../../../../api/funds.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

/** 登记收款账户: the applicant's bank account that payouts go to (case team). */
export function PayeeAccountModal({
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
  const [form] = Form.useForm<TBankAccount>();
  const save = useSavePayeeAccount(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  return (
    <Modal
      open={payee !== null}
      title={`${t('funds.payee.editAccount')} · ${payee?.name ?? ''}`}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterClose={() => {
        save.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={save.error} extraMessages={unplaced} />
      <Form<TBankAccount>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={payee?.bankAccount ?? { accountName: payee?.name ?? '' }}
        onFinish={(values) => {
          setUnplaced([]);
          if (!payee) return;
          save.mutate(
            {
              partyId: payee.partyId,
              account: {
                accountNumber: values.accountNumber.replace(/[\s-]/g, ''),
                accountName: values.accountName.trim(),
                bankName: values.bankName.trim(),
              },
            },
            {
              onSuccess: () => {
                message.success(t('funds.payee.accountSaved'));
                onClose();
              },
              onError: (error) => {
                if (isApiError(error))
                  setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
              },
            },
          );
        }}
      >
        <Form.Item
          name="accountNumber"
          label={t('funds.bank.accountNumber')}
          rules={[
            { required: true, whitespace: true, message: t('funds.bank.accountNumberRequired') },
            { pattern: /^[0-9][0-9 -]{5,33}$/, message: t('funds.bank.accountNumberFormat') },
          ]}
        >
          <Input inputMode="numeric" maxLength={40} data-testid="payee-account-number" />
        </Form.Item>
        <Form.Item
          name="accountName"
          label={t('funds.bank.accountName')}
          rules={[{ required: true, whitespace: true, message: t('funds.bank.accountNameRequired') }]}
        >
          <Input maxLength={100} data-testid="payee-account-name" />
        </Form.Item>
        <Form.Item
          name="bankName"
          label={t('funds.bank.bankName')}
          rules={[{ required: true, whitespace: true, message: t('funds.bank.bankNameRequired') }]}
        >
          <Input maxLength={100} data-testid="payee-bank-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
