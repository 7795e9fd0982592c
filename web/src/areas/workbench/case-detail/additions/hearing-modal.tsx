import { App, Checkbox, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type TAddition, useRecordHearing } from '../../../../api/additions.ts';
import { isApiError } from '../../../../api/client.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { dateFormat, isAfterToday, toDateString, todayValue } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = { heldOn?: Dayjs; record?: string; isWaived?: boolean };

/**
 * 记录听证: the public hearing and its record, or the panel's finding that the facts are clear and
 * undisputed so none is held (变更追加规定 art. 28). Not before the application, not in the future.
 */
export function HearingModal({
  caseId,
  addition,
  onClose,
}: {
  caseId: string;
  addition: TAddition | null;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordHearing(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const isWaived = Form.useWatch('isWaived', form) ?? false;

  const handleFinish = (values: Values) => {
    if (!addition || !values.heldOn) return;
    setUnplaced([]);
    record.mutate(
      {
        additionId: addition.id,
        body: {
          heldOn: toDateString(values.heldOn),
          record: (values.record ?? '').trim(),
          isWaived: values.isWaived ?? false,
        },
      },
      {
        onSuccess: () => {
          message.success(t('additions.hearingRecorded'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
        },
      },
    );
  };

  return (
    <Modal
      open={addition !== null}
      width={600}
      title={addition ? `${t('additions.hearing')} · ${addition.party.name}` : t('additions.hearing')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'addition-hearing-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
      afterClose={() => {
        record.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={record.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ heldOn: todayValue(), isWaived: false }}
        onFinish={handleFinish}
        disabled={record.isPending}
      >
        <Form.Item
          name="heldOn"
          label={t('additions.hearing.heldOn')}
          rules={[{ required: true, message: t('additions.hearing.heldOnRequired') }]}
        >
          <DatePicker
            format={dateFormat}
            disabledDate={(day) =>
              isAfterToday(day) || (addition !== null && toDateString(day) < addition.appliedOn)
            }
            style={{ width: '100%' }}
            data-testid="addition-hearing-date"
          />
        </Form.Item>
        <Form.Item name="isWaived" valuePropName="checked">
          <Checkbox data-testid="addition-hearing-waived">{t('additions.hearing.waived')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="record"
          label={isWaived ? t('additions.hearing.waivedRecord') : t('additions.hearing.record')}
          rules={[{ required: true, whitespace: true, message: t('additions.hearing.recordRequired') }]}
        >
          <Input.TextArea
            maxLength={8000}
            showCount
            autoSize={{ minRows: 4, maxRows: 10 }}
            data-testid="addition-hearing-record"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
