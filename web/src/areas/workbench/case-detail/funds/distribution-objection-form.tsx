import { Alert, App, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatYuan, yuanToFen } from '../../../../../../src/kernel/index.ts';
import { isApiError } from '../../../../api/client.ts';
import { type TDistributionPlan, useObjectToPlan } from '../../../../api/funds-distribution.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { isAfterToday, toDateString } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { useDistributionText } from './distribution-labels.ts';

// The respondent objects when no creditor is named (the server's contract).
const respondent = '__respondent__';

type Values = {
  objector: string;
  againstApplicationId?: string;
  disputedYuan?: string;
  reason?: string;
  filedOn?: Dayjs | null;
};

const fieldAliases: Record<string, string> = {
  disputedFen: 'disputedYuan',
  objectorApplicationId: 'objector',
};

/**
 * 书面异议 (CPL-I art. 509): a creditor of the plan or the respondent says a share is too large by
 * the disputed amount, within 15 days of service. The modal's button is the one confirmation.
 */
export function DistributionObjectionForm({
  caseId,
  plan,
  open,
  onClose,
}: {
  caseId: string;
  plan: TDistributionPlan;
  open: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const tx = useDistributionText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const object = useObjectToPlan(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const againstId = Form.useWatch('againstApplicationId', form);
  const against = plan.shares.find((s) => s.applicationId === againstId);

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const disputedFen = yuanToFen(values.disputedYuan);
    if (!values.againstApplicationId || disputedFen === null || !values.reason) return;
    object.mutate(
      {
        ...(values.objector === respondent ? {} : { objectorApplicationId: values.objector }),
        againstApplicationId: values.againstApplicationId,
        disputedFen,
        reason: values.reason.trim(),
        ...(values.filedOn ? { filedOn: toDateString(values.filedOn) } : {}),
      },
      {
        onSuccess: () => {
          message.success(tx('done'));
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
      open={open}
      title={tx('object')}
      okText={tx('object')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={object.isPending}
      destroyOnHidden
      afterClose={() => {
        object.reset();
        setUnplaced([]);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={tx('filingNotice')} />
      <ErrorAlert error={object.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        initialValues={{ objector: respondent }}
        onValuesChange={() => {
          if (object.error) object.reset();
        }}
      >
        <Form.Item name="objector" label={tx('objector')}>
          <Select
            options={[
              { value: respondent, label: tx('respondent') },
              ...plan.shares.map((s) => ({ value: s.applicationId, label: s.creditorName })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="againstApplicationId"
          label={tx('against')}
          rules={[{ required: true, message: tx('againstRequired') }]}
        >
          <Select
            options={plan.shares
              .filter((s) => s.amountFen > 0)
              .map((s) => ({
                value: s.applicationId,
                label: `${s.creditorName}（¥${formatYuan(s.amountFen)}）`,
              }))}
          />
        </Form.Item>
        <Form.Item
          name="disputedYuan"
          label={tx('disputed')}
          dependencies={['againstApplicationId']}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (value === undefined || value === null || value === '')
                  throw new Error(tx('disputedRequired'));
                const fen = yuanToFen(value);
                if (fen === null || fen < 1) throw new Error(tx('amountFormat'));
                if (against && fen > against.amountFen) throw new Error(tx('amountFormat'));
              },
            },
          ]}
        >
          <YuanInput testId="distribution-disputed" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={tx('reason')}
          rules={[{ required: true, whitespace: true, message: tx('reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="filedOn" label={tx('filedOn')} extra={tx('optionalToday')}>
          <DatePicker disabledDate={isAfterToday} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
