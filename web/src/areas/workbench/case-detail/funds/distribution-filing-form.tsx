import { Alert, App, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../../api/client.ts';
import { useAnswerObjection, useRecordSuit } from '../../../../api/funds-distribution.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { isAfterToday, toDateString } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { useDistributionText } from './distribution-labels.ts';

type Values = { note?: string; filedOn?: Dayjs | null };

export type FilingKind = 'opposition' | 'suit';

/**
 * The filings after an objection (CPL-I art. 510): the others' opposition within 15 days of being
 * notified, or the objector's suit within 15 days of the notice of opposition. A date and a note;
 * the modal's button is the one confirmation.
 */
export function DistributionFilingForm({
  caseId,
  kind,
  onClose,
}: {
  caseId: string;
  kind: FilingKind | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const tx = useDistributionText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const oppose = useAnswerObjection(caseId);
  const sue = useRecordSuit(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const step = kind === 'suit' ? sue : oppose;
  const title = kind === 'suit' ? tx('sue') : tx('oppose');

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const note = values.note?.trim();
    const body = {
      ...(note ? { note } : {}),
      ...(values.filedOn ? { filedOn: toDateString(values.filedOn) } : {}),
    };
    const callbacks = {
      onSuccess: () => {
        message.success(tx('done'));
        onClose();
      },
      onError: (error: unknown) => {
        if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
      },
    };
    if (kind === 'suit') sue.mutate(body, callbacks);
    else oppose.mutate({ ...body, isOpposed: true }, callbacks);
  };

  return (
    <Modal
      open={kind !== null}
      title={title}
      okText={title}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={step.isPending}
      destroyOnHidden
      afterClose={() => {
        oppose.reset();
        sue.reset();
        setUnplaced([]);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={tx('filingNotice')} />
      <ErrorAlert error={step.error} extraMessages={unplaced} />
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={handleFinish}>
        <Form.Item name="filedOn" label={tx('filedOn')} extra={tx('optionalToday')}>
          <DatePicker disabledDate={isAfterToday} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={tx('note')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
