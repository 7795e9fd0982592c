import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { yuanToFen } from '../../../src/kernel/index.ts';
import {
  reportItemKinds,
  type TPortalReportInput,
  type TReportItemInput,
  type TReportItemKind,
} from '../api/procedures.ts';
import { useI18n } from '../i18n/index.ts';
import { isAfterToday, toDateString } from '../lib/dates.ts';
import { DatePicker } from './date-picker.tsx';
import { YuanInput } from './yuan-input.tsx';

type ItemValues = {
  kind?: TReportItemKind;
  description?: string;
  institution?: string;
  identifier?: string;
  valueYuan?: string;
  changedOn?: Dayjs | null;
};
export type ReportFormValues = {
  items?: ItemValues[];
  changesSinceOneYearBefore?: string;
  isDeclaredTrue?: boolean;
};

/** A report as the server takes it (the respondent's or the team's from paper): values in fen. */
export function toReportInput(values: ReportFormValues): TPortalReportInput {
  const items = (values.items ?? []).flatMap((item): TReportItemInput[] => {
    if (!item.kind || !item.description) return [];
    const institution = item.institution?.trim();
    const identifier = item.identifier?.trim();
    const valueFen = yuanToFen(item.valueYuan);
    return [
      {
        kind: item.kind,
        description: item.description.trim(),
        ...(institution ? { institution } : {}),
        ...(identifier ? { identifier } : {}),
        ...(valueFen !== null ? { valueFen } : {}),
        ...(item.changedOn ? { changedOn: toDateString(item.changedOn) } : {}),
      },
    ];
  });
  return {
    items,
    changesSinceOneYearBefore: (values.changesSinceOneYearBefore ?? '').trim(),
    isDeclaredTrue: true,
  };
}

/** The server names values in fen; its messages belong beside the values typed in yuan. */
export function reportFieldAliases(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`items.${i}.valueFen`, `items.${i}.valueYuan`]),
  );
}

/**
 * The fields of a property report (报告财产, CPL art. 252): each item of property with its kind,
 * description, institution, number, value and the day it changed; the changes over the year
 * before the order; and the statement that the report is true and complete. Inside a `Form`.
 */
export function PropertyReportFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useI18n();
  const kindOptions = reportItemKinds.map((kind) => ({ value: kind, label: t(`reports.kind.${kind}`) }));
  return (
    <>
      <Typography.Text strong>{t('reports.items')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('reports.noneReported')}
      </Typography.Paragraph>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('reports.item', { n: index + 1 })}
                data-testid={`${testIdPrefix}-item`}
                extra={
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('reports.removeItem', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                }
              >
                <Row gutter={12}>
                  <Col xs={24} sm={8}>
                    <Form.Item
                      name={[field.name, 'kind']}
                      label={t('reports.kind')}
                      rules={[{ required: true, message: t('reports.kindRequired') }]}
                    >
                      <Select options={kindOptions} data-testid={`${testIdPrefix}-item-kind`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={16}>
                    <Form.Item
                      name={[field.name, 'description']}
                      label={t('reports.description')}
                      rules={[
                        { required: true, whitespace: true, message: t('reports.descriptionRequired') },
                      ]}
                    >
                      <Input maxLength={500} data-testid={`${testIdPrefix}-item-description`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[field.name, 'institution']} label={t('reports.institution')}>
                      <Input maxLength={200} data-testid={`${testIdPrefix}-item-institution`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[field.name, 'identifier']} label={t('reports.identifier')}>
                      <Input maxLength={100} data-testid={`${testIdPrefix}-item-identifier`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[field.name, 'valueYuan']} label={t('reports.value')}>
                      <YuanInput min="0" testId={`${testIdPrefix}-item-value`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[field.name, 'changedOn']} label={t('reports.changedOn')}>
                      <DatePicker disabledDate={isAfterToday} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              disabled={fields.length >= 200}
              data-testid={`${testIdPrefix}-add-item`}
            >
              {t('reports.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item
        name="changesSinceOneYearBefore"
        label={t('reports.changes')}
        rules={[{ required: true, whitespace: true, message: t('reports.changesRequired') }]}
      >
        <Input.TextArea
          maxLength={4000}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid={`${testIdPrefix}-changes`}
        />
      </Form.Item>
      <Form.Item
        name="isDeclaredTrue"
        valuePropName="checked"
        rules={[
          {
            validator: async (_rule, value: boolean | undefined) => {
              if (value !== true) throw new Error(t('reports.declareRequired'));
            },
          },
        ]}
      >
        <Checkbox data-testid={`${testIdPrefix}-declare`}>{t('reports.declare')}</Checkbox>
      </Form.Item>
    </>
  );
}
