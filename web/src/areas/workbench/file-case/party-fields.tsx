import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Divider, Form, Input, Radio, Row } from 'antd';
import { partyKinds } from '../../../api/cases.ts';
import { useI18n } from '../../../i18n/index.ts';
import { AgentListFields } from './agent-list-fields.tsx';
import { creditCodeRule, idNumberRule, normalizeUpper, phoneRule, requiredRule } from './field-rules.ts';
import type { PartyListName } from './file-case-values.ts';

type PartyFieldsProps = {
  listName: PartyListName;
  fieldName: number;
  title: string;
  canRemove: boolean;
  onRemove: () => void;
};

/** One applicant or respondent; which identifier is asked for follows the kind of party. */
export function PartyFields({ listName, fieldName, title, canRemove, onRemove }: PartyFieldsProps) {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance();
  const kind = Form.useWatch([listName, fieldName, 'kind'], form) ?? 'natural';
  const isNatural = kind === 'natural';

  return (
    <Card
      type="inner"
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      extra={
        canRemove ? (
          <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
            {t('filing.removeParty')}
          </Button>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Form.Item name={[fieldName, 'kind']} label={t('filing.party.kind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={partyKinds.map((value) => ({ value, label: t(`partyKind.${value}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item
            name={[fieldName, 'name']}
            label={isNatural ? t('filing.party.personName') : t('filing.party.orgName')}
            rules={[requiredRule(t('filing.party.nameRequired'))]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          {isNatural ? (
            <Form.Item
              name={[fieldName, 'idNumber']}
              label={t('filing.party.idNumber')}
              rules={[idNumberRule(pick)]}
              normalize={normalizeUpper}
              validateDebounce={300}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                className="tabular-nums"
                placeholder={t('filing.party.idNumberHint')}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name={[fieldName, 'creditCode']}
              label={t('filing.party.creditCode')}
              rules={[creditCodeRule(pick)]}
              normalize={normalizeUpper}
              validateDebounce={300}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                className="tabular-nums"
                placeholder={t('filing.party.creditCodeHint')}
              />
            </Form.Item>
          )}
        </Col>
        {kind === 'legal' ? (
          <Col xs={24} md={12} lg={8}>
            <Form.Item
              name={[fieldName, 'legalRepresentative']}
              label={t('filing.party.legalRepresentative')}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12} lg={8}>
          <Form.Item name={[fieldName, 'phone']} label={t('filing.phone')} rules={[phoneRule(t)]}>
            <Input maxLength={20} className="tabular-nums" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={kind === 'legal' ? 8 : 16}>
          <Form.Item name={[fieldName, 'address']} label={t('filing.party.address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <Divider style={{ margin: '0 0 12px' }} />
      <AgentListFields partyPath={[listName, fieldName]} fieldName={fieldName} />
    </Card>
  );
}
