import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { agentKinds } from '../../../api/cases.ts';
import { useI18n } from '../../../i18n/index.ts';
import { phoneRule, requiredRule } from './field-rules.ts';

type AgentRowProps = { partyPath: (string | number)[]; fieldName: number; onRemove: () => void };

function AgentRow({ partyPath, fieldName, onRemove }: AgentRowProps) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const kind = Form.useWatch([...partyPath, 'agents', fieldName, 'kind'], form);
  return (
    <Row gutter={12} align="top" wrap>
      <Col xs={24} md={5}>
        <Form.Item name={[fieldName, 'kind']} label={t('filing.agent.kind')}>
          <Select options={agentKinds.map((value) => ({ value, label: t(`agentKind.${value}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item
          name={[fieldName, 'name']}
          label={t('filing.agent.name')}
          rules={[requiredRule(t('filing.agent.nameRequired'))]}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      {kind !== 'agent' ? (
        <>
          <Col xs={24} md={5}>
            <Form.Item name={[fieldName, 'lawFirm']} label={t('filing.agent.lawFirm')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name={[fieldName, 'licenseNumber']} label={t('filing.agent.licenseNumber')}>
              <Input maxLength={50} className="tabular-nums" />
            </Form.Item>
          </Col>
        </>
      ) : null}
      <Col xs={20} md={4}>
        <Form.Item name={[fieldName, 'phone']} label={t('filing.phone')} rules={[phoneRule(t)]}>
          <Input maxLength={20} className="tabular-nums" />
        </Form.Item>
      </Col>
      <Col xs={4} md={1}>
        <Form.Item label=" " colon={false}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={onRemove}
            aria-label={t('filing.agent.remove')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Agents (委托代理人) of one party; a nested list inside the party's fields. */
export function AgentListFields({
  partyPath,
  fieldName,
}: {
  partyPath: (string | number)[];
  fieldName: number;
}) {
  const { t } = useI18n();
  return (
    <Form.List name={[fieldName, 'agents']}>
      {(fields, { add, remove }) => (
        <div>
          <Flex align="center" justify="space-between" style={{ marginBottom: fields.length > 0 ? 8 : 0 }}>
            <Typography.Text type="secondary">
              {t('filing.agents')}
              {fields.length === 0 ? ` · ${t('filing.agentsNone')}` : ''}
            </Typography.Text>
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'lawyer' })}
            >
              {t('filing.agent.add')}
            </Button>
          </Flex>
          {fields.map((field) => (
            <AgentRow
              key={field.key}
              partyPath={partyPath}
              fieldName={field.name}
              onRemove={() => remove(field.name)}
            />
          ))}
        </div>
      )}
    </Form.List>
  );
}
