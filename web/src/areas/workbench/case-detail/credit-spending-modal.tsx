import { App, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TRestrictedPerson } from '../../../../../src/modules/credit/contracts.ts';
import { behaviours, useAllowSpending } from '../../../api/credit.ts';
import { DatePicker } from '../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';

type Values = { behaviours: number[]; period: [Dayjs, Dayjs]; reason: string };

/** 限消规定 art. 3: a bound person allowed to spend private money on named behaviours, for a period. */
export function CreditSpendingModal({
  caseId,
  person,
  onClose,
}: {
  caseId: string;
  person: TRestrictedPerson | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const allow = useAllowSpending(caseId);
  return (
    <Modal
      open={person !== null}
      title={`${t('credit.privateSpending')} · ${person?.name ?? ''}`}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={allow.isPending}
      destroyOnHidden
      afterClose={() => allow.reset()}
    >
      <ErrorAlert error={allow.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          allow.mutate(
            {
              subjectId: person?.id ?? '',
              behaviours: v.behaviours,
              validFrom: v.period[0].format('YYYY-MM-DD'),
              validUntil: v.period[1].format('YYYY-MM-DD'),
              reason: v.reason.trim(),
            },
            {
              onSuccess: () => {
                message.success(t('credit.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="behaviours" label={t('credit.behaviours')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={behaviours.map((b) => ({ value: b, label: `（${b}）${t(`credit.behaviour.${b}`)}` }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={`${t('credit.validFrom')} – ${t('credit.validUntil')}`}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('credit.reason')}
          rules={[{ required: true, whitespace: true, message: t('credit.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
