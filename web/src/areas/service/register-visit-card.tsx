import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import {
  type TVisit,
  type TVisitorRole,
  type TVisitPurpose,
  useRegisterVisit,
  visitorRoles,
  visitPurposes,
} from '../../api/service.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useServerFormErrors } from '../admin/use-server-form.ts';
import { visitorRoleLabels, visitPurposeLabels } from './messages.ts';
import { useServiceText } from './use-service-text.ts';

type Values = {
  visitor: { name: string; role: TVisitorRole; idNumber?: string; phone?: string };
  purpose: TVisitPurpose;
  caseNumber?: string;
  note?: string;
};

const blankToUndefined = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** 来访登记: who came, in what capacity, for what, and the case by its number. */
export function RegisterVisitCard({ onRegistered }: { onRegistered: (visit: TVisit) => void }) {
  const { pick } = useI18n();
  const text = useServiceText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const register = useRegisterVisit();
  const errors = useServerFormErrors(form);

  const handleFinish = (values: Values) => {
    errors.clear();
    register.mutate(
      {
        visitor: {
          name: values.visitor.name.trim(),
          role: values.visitor.role,
          idNumber: blankToUndefined(values.visitor.idNumber),
          phone: blankToUndefined(values.visitor.phone),
        },
        purpose: values.purpose,
        caseNumber: blankToUndefined(values.caseNumber),
        note: blankToUndefined(values.note),
      },
      {
        onSuccess: (visit) => {
          message.success(text('service.registered', { name: visit.visitor.name }));
          form.resetFields();
          onRegistered(visit);
        },
        onError: errors.handleError,
      },
    );
  };

  return (
    <Card size="small" title={text('service.register')}>
      <ErrorAlert error={register.error} extraMessages={errors.unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ visitor: { role: 'applicant' }, purpose: 'materials' }}
        data-testid="visit-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['visitor', 'name']}
              label={text('service.visitorName')}
              rules={[{ required: true, whitespace: true, message: text('service.visitorNameRequired') }]}
            >
              <Input maxLength={50} data-testid="visit-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['visitor', 'role']} label={text('service.visitorRole')}>
              <Select
                options={visitorRoles.map((role) => ({ value: role, label: pick(visitorRoleLabels[role]) }))}
                data-testid="visit-role"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['visitor', 'idNumber']} label={text('service.idNumber')}>
              <Input maxLength={18} autoComplete="off" data-testid="visit-id-number" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['visitor', 'phone']} label={text('service.phone')}>
              <Input maxLength={30} autoComplete="off" data-testid="visit-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="purpose" label={text('service.purpose')}>
          <Radio.Group
            optionType="button"
            options={visitPurposes.map((purpose) => ({
              value: purpose,
              label: pick(visitPurposeLabels[purpose]),
            }))}
            data-testid="visit-purpose"
          />
        </Form.Item>
        <Form.Item
          name="caseNumber"
          label={text('service.caseNumber')}
          extra={text('service.caseNumberHint')}
        >
          <Input maxLength={40} autoComplete="off" data-testid="visit-case-number" />
        </Form.Item>
        <Form.Item name="note" label={text('service.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="visit-note" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<UserAddOutlined />}
          loading={register.isPending}
          data-testid="visit-submit"
        >
          {text('service.submitVisit')}
        </Button>
      </Form>
    </Card>
  );
}
