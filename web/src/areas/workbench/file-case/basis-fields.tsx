import { Card, Col, Form, Input, Row, Select } from 'antd';
import { basisKinds } from '../../../api/cases.ts';
import { DatePicker } from '../../../components/date-picker.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { dateFormat, isAfterToday } from '../../../lib/dates.ts';
import { requiredRule } from './field-rules.ts';

/** 执行依据: the effective legal instrument the application rests on. */
export function BasisFields() {
  const { t } = useI18n();
  return (
    <Card title={t('filing.basis')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12} lg={6}>
          <Form.Item name={['basis', 'kind']} label={t('filing.basis.kind')} rules={[{ required: true }]}>
            <Select options={basisKinds.map((value) => ({ value, label: t(`basisKind.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item
            name={['basis', 'documentNumber']}
            label={t('filing.basis.documentNumber')}
            rules={[requiredRule(t('filing.basis.documentNumberRequired'))]}
          >
            <Input maxLength={100} placeholder={t('filing.basis.documentNumberHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item
            name={['basis', 'issuedBy']}
            label={t('filing.basis.issuedBy')}
            rules={[requiredRule(t('filing.basis.issuedByRequired'))]}
          >
            <Input maxLength={200} placeholder={t('filing.basis.issuedByHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Form.Item
            name={['basis', 'effectiveDate']}
            label={t('filing.basis.effectiveDate')}
            rules={[{ required: true, message: t('filing.basis.effectiveDateRequired') }]}
          >
            <DatePicker format={dateFormat} disabledDate={isAfterToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
