import { CalendarOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { meetingSlots, type TMeetingSlot, useBookMeeting } from '../../api/service.ts';
import { DatePicker } from '../../components/date-picker.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { toDateString } from '../../lib/dates.ts';
import { serverToday } from '../../lib/server-clock.ts';
import { useServerFormErrors } from '../admin/use-server-form.ts';
import { meetingSlotLabels } from './messages.ts';
import { useServiceText } from './use-service-text.ts';

type Values = { on: Dayjs; slot: TMeetingSlot; note?: string };

/** 预约法官: a working day and half of it; the server refuses holidays and weekends (工作日). */
export function MeetingForm({ visitId, disabled }: { visitId: string; disabled: boolean }) {
  const { pick } = useI18n();
  const text = useServiceText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const book = useBookMeeting(visitId);
  const errors = useServerFormErrors(form);

  const handleFinish = (values: Values) => {
    errors.clear();
    book.mutate(
      { on: toDateString(values.on), slot: values.slot, note: values.note?.trim() || undefined },
      {
        onSuccess: (meeting) => {
          message.success(
            text('service.booked', {
              date: meeting.on,
              slot: pick(meetingSlotLabels[meeting.slot]),
              judge: meeting.judgeName,
            }),
          );
          form.resetFields();
        },
        onError: errors.handleError,
      },
    );
  };

  return (
    <>
      <ErrorAlert error={book.error} extraMessages={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={handleFinish}
        initialValues={{ slot: 'am' }}
        disabled={disabled}
        data-testid="meeting-form"
      >
        <Form.Item
          name="on"
          label={text('service.meetingOn')}
          rules={[{ required: true, message: text('service.meetingOnRequired') }]}
        >
          <DatePicker disabledDate={(day) => toDateString(day) < serverToday()} data-testid="meeting-on" />
        </Form.Item>
        <Form.Item name="slot" label={text('service.slot')}>
          <Radio.Group
            optionType="button"
            options={meetingSlots.map((slot) => ({ value: slot, label: pick(meetingSlotLabels[slot]) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={text('service.note')}>
          <Input maxLength={500} style={{ width: 220 }} data-testid="meeting-note" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<CalendarOutlined />}
          loading={book.isPending}
          data-testid="meeting-submit"
        >
          {text('service.book')}
        </Button>
      </Form>
    </>
  );
}
