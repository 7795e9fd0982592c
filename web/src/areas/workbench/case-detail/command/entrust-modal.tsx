import { App, AutoComplete, Col, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { addCalendarDays } from '../../../../../../src/kernel/index.ts';
import {
  entrustmentMatters,
  type TEntrustmentMatter,
  useRequestEntrustment,
} from '../../../../api/command.ts';
import { useCourts } from '../../../../api/identity.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { dateFormat, toDateString } from '../../../../lib/dates.ts';
import { serverToday } from '../../../../lib/server-clock.ts';
import { useServerFormErrors } from '../../../admin/use-server-form.ts';
import { matterKey } from '../../../command/labels.ts';
import { isBeforeToday } from '../../../command/supervise-modal.tsx';

type Values = {
  toCourt: string;
  matter: TEntrustmentMatter;
  details: string;
  dueDate: Dayjs;
  documents?: string[];
};

/** The usual time given to a court to do an entrusted matter, in calendar days. */
const defaultDueDays = 15;

/**
 * 事项委托: the case's team asks another court — named by its code (法院代字), anywhere in the
 * country, so not only the courts the user can see — to serve, investigate, seal or seize on its
 * ground, by a date, with the documents it sends.
 */
export function EntrustModal({
  caseId,
  courtId,
  open,
  onClose,
}: {
  caseId: string;
  courtId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestEntrustment();
  const errors = useServerFormErrors(form, { 'documents.0.name': 'documents' });
  const courts = useCourts();
  // Courts the user can see are offered; any other is typed by its code.
  const courtOptions = useMemo(
    () =>
      (courts.data?.items ?? [])
        .filter((c) => c.id !== courtId && c.level !== 'detachedTribunal')
        .map((c) => ({ value: c.courtCode, label: `${c.courtCode} · ${c.name}` })),
    [courts.data, courtId],
  );

  const handleFinish = (values: Values) => {
    errors.clear();
    const documents = (values.documents ?? []).map((name) => name.trim()).filter((name) => name !== '');
    request.mutate(
      {
        caseId,
        toCourt: values.toCourt.trim(),
        matter: values.matter,
        details: values.details.trim(),
        dueDate: toDateString(values.dueDate),
        documents: documents.map((name) => ({ name })),
      },
      {
        onSuccess: (sent) => {
          message.success(t('command.entrust.sent', { court: sent.toCourt.name, dueDate: sent.dueDate }));
          onClose();
        },
        onError: errors.handleError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('command.entrust.title')}
      okText={t('command.entrust.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={request.isPending}
      destroyOnHidden
      afterClose={() => {
        request.reset();
        errors.clear();
      }}
      width={640}
    >
      <ErrorAlert error={request.error} extraMessages={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          matter: 'seal',
          dueDate: dayjs(addCalendarDays(serverToday(), defaultDueDays), dateFormat),
        }}
        onFinish={handleFinish}
        data-testid="entrust-form"
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item
              name="toCourt"
              label={t('command.entrust.toCourt')}
              extra={t('command.entrust.toCourtHint')}
              rules={[{ required: true, whitespace: true, message: t('command.entrust.toCourtRequired') }]}
            >
              <AutoComplete
                options={courtOptions}
                showSearch={{
                  filterOption: (input, option) =>
                    (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()),
                }}
                placeholder="浙0203"
                data-testid="entrust-court"
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="matter" label={t('command.entrust.matter')} rules={[{ required: true }]}>
              <Select<TEntrustmentMatter>
                options={entrustmentMatters.map((matter) => ({ value: matter, label: t(matterKey(matter)) }))}
                data-testid="entrust-matter"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="details"
          label={t('command.entrust.details')}
          rules={[{ required: true, whitespace: true, message: t('command.entrust.detailsRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="entrust-details" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="dueDate"
              label={t('command.entrust.dueDate')}
              rules={[{ required: true, message: t('command.dueDateRequired') }]}
            >
              <DatePicker
                format={dateFormat}
                disabledDate={isBeforeToday}
                allowClear={false}
                style={{ width: '100%' }}
                data-testid="entrust-due"
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="documents"
              label={t('command.entrust.documents')}
              extra={t('command.documentsHint')}
            >
              <Select
                mode="tags"
                open={false}
                suffixIcon={null}
                tokenSeparators={['，', ',']}
                data-testid="entrust-documents"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
