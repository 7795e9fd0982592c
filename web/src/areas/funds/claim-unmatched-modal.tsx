import { App, Descriptions, Form, Modal } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../src/kernel/index.ts';
import type { TCaseListItem } from '../../../../src/modules/cases/contracts.ts';
import { isApiError } from '../../api/client.ts';
import { type TUnmatchedItem, useClaimUnmatched } from '../../api/funds.ts';
import { AccountNumber } from '../../components/account-number.tsx';
import { CaseSearchSelect } from '../../components/case-search-select.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { applyServerFieldErrors } from '../../lib/form-errors.ts';

/** 认领: books a queued payment to the case it was meant for; the server allocates it like any arrival. */
export function ClaimUnmatchedModal({ item, onClose }: { item: TUnmatchedItem | null; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ caseId: string }>();
  const claim = useClaimUnmatched();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [picked, setPicked] = useState<TCaseListItem | undefined>(undefined);

  return (
    <Modal
      open={item !== null}
      title={item ? t('funds.desk.claimTitle', { amount: formatYuan(item.amountFen) }) : ''}
      okText={t('funds.desk.claim')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={claim.isPending}
      destroyOnHidden
      afterClose={() => {
        claim.reset();
        setUnplaced([]);
        setPicked(undefined);
      }}
      width={640}
    >
      <ErrorAlert error={claim.error} extraMessages={unplaced} />
      {item ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'payer', label: t('funds.receipt.payer'), children: item.payerName },
            {
              key: 'payerAccount',
              label: t('funds.desk.payerAccount'),
              children: <AccountNumber value={item.payerAccount} />,
            },
            {
              key: 'toAccount',
              label: t('funds.desk.toAccount'),
              children: <AccountNumber value={item.toAccount} />,
            },
            {
              key: 'receivedAt',
              label: t('funds.receipt.receivedAt'),
              children: <span className="tabular-nums">{formatDateTime(item.receivedAt)}</span>,
            },
            { key: 'serial', label: t('funds.receipt.serial'), children: item.serial },
          ]}
        />
      ) : null}
      <Form<{ caseId: string }>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          setUnplaced([]);
          if (!item) return;
          claim.mutate(
            { receiptId: item.id, caseId: values.caseId },
            {
              onSuccess: () => {
                message.success(t('funds.desk.claimed', { caseNumber: picked?.caseNumber ?? '' }));
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
          name="caseId"
          label={t('funds.desk.case')}
          rules={[{ required: true, message: t('funds.desk.caseRequired') }]}
        >
          <CaseSearchSelect
            placeholder={t('funds.desk.casePlaceholder')}
            onPick={setPicked}
            data-testid="claim-case"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
