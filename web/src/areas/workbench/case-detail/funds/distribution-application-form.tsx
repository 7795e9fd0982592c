import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { yuanToFen } from '../../../../../../src/kernel/index.ts';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { isApiError } from '../../../../api/client.ts';
import { type TClaimPriority, useApplyToParticipate } from '../../../../api/funds-distribution.ts';
import { DatePicker } from '../../../../components/date-picker.tsx';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import { YuanInput } from '../../../../components/yuan-input.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { isAfterToday, toDateString } from '../../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';
import { priorityText, useDistributionText } from './distribution-labels.ts';

type Values = {
  who: 'party' | 'outside';
  partyId?: string;
  creditorName?: string;
  idNumber?: string;
  creditCode?: string;
  basis?: string;
  priority: TClaimPriority;
  principalYuan?: string;
  interestYuan?: string;
  seizedAt?: Dayjs | null;
  appliedOn?: Dayjs | null;
};

// The server names amounts in fen; each message belongs beside the amount typed in yuan.
const fieldAliases: Record<string, string> = { principalFen: 'principalYuan', interestFen: 'interestYuan' };
const priorities: TClaimPriority[] = ['priority', 'secured', 'ordinary'];

const optional = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * 参与分配申请 (CPL-I art. 507), recorded by the case team: an applicant of the case with its claim,
 * or a creditor with a basis of its own, named by its ID number or credit code. The form's submit
 * is the one confirmation: recording the application has legal effect.
 */
export function DistributionApplicationForm({
  detail,
  open,
  onClose,
}: {
  detail: TCaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const tx = useDistributionText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const apply = useApplyToParticipate(detail.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const who = Form.useWatch('who', form) ?? 'party';

  const amountRule = (required: boolean) => ({
    validator: async (_rule: unknown, value: string | undefined) => {
      if (value === undefined || value === null || value === '') {
        if (required) throw new Error(tx('principalRequired'));
        return;
      }
      if (yuanToFen(value) === null) throw new Error(tx('amountFormat'));
    },
  });

  const handleFinish = (values: Values) => {
    setUnplaced([]);
    const principalFen = yuanToFen(values.principalYuan);
    const interestFen = values.interestYuan ? yuanToFen(values.interestYuan) : 0;
    if (principalFen === null || interestFen === null || !values.basis) return;
    const creditor =
      values.who === 'party'
        ? { partyId: values.partyId }
        : {
            creditorName: optional(values.creditorName),
            idNumber: optional(values.idNumber),
            creditCode: optional(values.creditCode),
          };
    apply.mutate(
      {
        // Fields left undefined are not sent (JSON leaves them out).
        ...creditor,
        basis: values.basis.trim(),
        priority: values.priority,
        principalFen,
        ...(interestFen > 0 ? { interestFen } : {}),
        ...(values.seizedAt ? { seizedAt: toDateString(values.seizedAt) } : {}),
        ...(values.appliedOn ? { appliedOn: toDateString(values.appliedOn) } : {}),
      },
      {
        onSuccess: () => {
          message.success(tx('recorded'));
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
      width={720}
      title={tx('add')}
      okText={tx('add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={apply.isPending}
      destroyOnHidden
      afterClose={() => {
        apply.reset();
        setUnplaced([]);
      }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={tx('filingNotice')} />
      <ErrorAlert error={apply.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={handleFinish}
        initialValues={{ who: 'party', priority: 'ordinary' }}
        onValuesChange={() => {
          if (apply.error) apply.reset();
        }}
      >
        <Form.Item name="who" label={tx('who')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'party', label: tx('applicantOfCase') },
              { value: 'outside', label: tx('outsideCreditor') },
            ]}
          />
        </Form.Item>
        {who === 'party' ? (
          <Form.Item
            name="partyId"
            label={tx('party')}
            rules={[{ required: true, message: tx('partyRequired') }]}
          >
            <Select
              data-testid="distribution-party"
              options={detail.applicants.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="creditorName"
                label={tx('creditorName')}
                rules={[{ required: true, whitespace: true, message: tx('nameRequired') }]}
              >
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="idNumber" label={tx('idNumber')} extra={tx('idHint')}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="creditCode" label={tx('creditCode')}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item
          name="basis"
          label={tx('basis')}
          rules={[{ required: true, whitespace: true, message: tx('basisRequired') }]}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="priority" label={tx('priority')}>
              <Select options={priorities.map((p) => ({ value: p, label: tx(priorityText(p)) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="principalYuan" label={tx('principal')} rules={[amountRule(true)]}>
              <YuanInput min="0" testId="distribution-principal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="interestYuan" label={tx('interest')} rules={[amountRule(false)]}>
              <YuanInput min="0" testId="distribution-interest" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="seizedAt" label={tx('seizedAt')}>
              <DatePicker disabledDate={isAfterToday} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="appliedOn" label={tx('appliedOn')} extra={tx('optionalToday')}>
              <DatePicker disabledDate={isAfterToday} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
