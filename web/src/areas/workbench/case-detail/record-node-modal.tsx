import { App, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TCaseDetail, TRecordNode } from '../../../../../src/modules/cases/contracts.ts';
import { useRecordNode } from '../../../api/cases.ts';
import { isApiError } from '../../../api/client.ts';
import { DatePicker } from '../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { dateFormat, isAfterToday, toDateString, todayValue } from '../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';

type NodeValues = { kind: string; occurredOn?: Dayjs; note?: string; documents?: string[] };

function toBody(values: NodeValues): TRecordNode {
  const body: TRecordNode = { kind: values.kind };
  const note = values.note?.trim();
  if (note) body.note = note;
  if (values.occurredOn) body.occurredOn = toDateString(values.occurredOn);
  const documents = (values.documents ?? []).map((name) => name.trim()).filter(Boolean);
  if (documents.length > 0) body.documents = documents.map((name) => ({ name }));
  return body;
}

type RecordNodeModalProps = { detail: TCaseDetail; isOpen: boolean; onClose: () => void };

/** 记录节点: one step on the case timeline, with the date it happened and a note. */
export function RecordNodeModal({ detail, isOpen, onClose }: RecordNodeModalProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<NodeValues>();
  const recordNode = useRecordNode(detail.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: NodeValues) => {
    setUnplaced([]);
    recordNode.mutate(toBody(values), {
      onSuccess: () => {
        message.success(t('case.nodes.recorded'));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
      },
    });
  };

  return (
    <Modal
      open={isOpen}
      title={t('case.nodes.record')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'record-node-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={recordNode.isPending}
      destroyOnHidden
      afterClose={() => {
        recordNode.reset();
        setUnplaced([]);
      }}
      width={560}
    >
      <ErrorAlert error={recordNode.error} extraMessages={unplaced} />
      <Form<NodeValues>
        preserve={false}
        form={form}
        layout="vertical"
        initialValues={{ occurredOn: todayValue() }}
        onFinish={handleFinish}
        disabled={recordNode.isPending}
      >
        <Form.Item
          name="kind"
          label={t('case.nodes.kind')}
          rules={[{ required: true, message: t('case.nodes.kindRequired') }]}
        >
          <Select
            autoFocus
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('case.nodes.kindPlaceholder')}
            options={detail.nodeKinds.map((nodeKind) => ({
              value: nodeKind.kind,
              label: pick(nodeKind.label) || nodeKind.kind,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('case.nodes.occurredOn')}
          rules={[{ required: true, message: t('case.nodes.occurredOnRequired') }]}
        >
          <DatePicker format={dateFormat} disabledDate={isAfterToday} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('case.nodes.note')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="documents" label={t('case.nodes.documents')} extra={t('case.nodes.documentsHint')}>
          <Select mode="tags" open={false} tokenSeparators={['，', ',']} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
