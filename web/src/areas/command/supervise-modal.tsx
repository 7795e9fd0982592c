import { Alert, App, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { addCalendarDays } from '../../../../src/kernel/index.ts';
import { useOpenSupervision } from '../../api/command.ts';
import { DatePicker } from '../../components/date-picker.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { dateFormat, toDateString } from '../../lib/dates.ts';
import { serverToday } from '../../lib/server-clock.ts';
import { useServerFormErrors } from '../admin/use-server-form.ts';

type Values = { demands: string; dueDate: Dayjs };

/** The usual time given to report back on a supervision, in calendar days. */
const defaultReportDays = 10;

export const isBeforeToday = (value: Dayjs) => toDateString(value) < serverToday();

/**
 * 督办: a command centre or a leader of a higher court sets out its demands on a case below and
 * the day the case's team must report by (a China date on the server's clock).
 */
export function SuperviseModal({
  target,
  onClose,
}: {
  target: { caseId: string; caseNumber: string } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const open = useOpenSupervision();
  const errors = useServerFormErrors(form);

  const handleFinish = (values: Values) => {
    if (!target) return;
    errors.clear();
    open.mutate(
      { caseId: target.caseId, demands: values.demands.trim(), dueDate: toDateString(values.dueDate) },
      {
        onSuccess: (opened) => {
          message.success(
            t('command.supervise.done', { caseNumber: target.caseNumber, dueDate: opened.dueDate }),
          );
          onClose();
        },
        onError: errors.handleError,
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('command.supervise.title')}
      okText={t('command.supervise.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={open.isPending}
      destroyOnHidden
      afterClose={() => {
        open.reset();
        errors.clear();
      }}
      width={560}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('command.supervise.case', { caseNumber: target?.caseNumber ?? '' })}
      />
      <ErrorAlert error={open.error} extraMessages={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ dueDate: dayjs(addCalendarDays(serverToday(), defaultReportDays), dateFormat) }}
        onFinish={handleFinish}
        data-testid="supervise-form"
      >
        <Form.Item
          name="demands"
          label={t('command.supervise.demands')}
          rules={[{ required: true, whitespace: true, message: t('command.supervise.demandsRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="supervise-demands" />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label={t('command.supervise.dueDate')}
          rules={[{ required: true, message: t('command.dueDateRequired') }]}
        >
          <DatePicker
            format={dateFormat}
            disabledDate={isBeforeToday}
            allowClear={false}
            data-testid="supervise-due"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
