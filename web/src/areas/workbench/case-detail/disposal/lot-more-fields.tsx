import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import { useI18n } from '../../../../i18n/index.ts';

/** The contract takes at most this many encumbrances, notices, photos and preemptors. */
export const maxListed = 20;

/** The announcement's texts, the days to pay the balance and the preemptors, folded away by default. */
export function LotMoreFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="description" label={t('disposal.lotForm.description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="encumbrances" label={t('disposal.lotForm.encumbrances')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="notices" label={t('disposal.lotForm.notices')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="photos" label={t('disposal.lotForm.photos')}>
        <Input.TextArea rows={2} spellCheck={false} />
      </Form.Item>
      <Form.Item name="balancePeriodDays" label={t('disposal.lotForm.balancePeriodDays')}>
        <InputNumber min={1} max={90} precision={0} />
      </Form.Item>
      <Form.List name="preemptors">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            <span>{t('disposal.lotForm.preemptors')}</span>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('disposal.lotForm.required') }]}
                  style={{ flex: '1 1 140px', marginBottom: 8 }}
                >
                  <Input placeholder={t('disposal.lotForm.preemptorName')} maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'idNumber']}
                  rules={[{ required: true, whitespace: true, message: t('disposal.lotForm.required') }]}
                  style={{ flex: '2 1 200px', marginBottom: 8 }}
                >
                  <Input placeholder={t('disposal.lotForm.preemptorIdNumber')} maxLength={40} />
                </Form.Item>
                <Form.Item name={[field.name, 'rank']} initialValue={index + 1} style={{ marginBottom: 8 }}>
                  <InputNumber
                    min={1}
                    max={99}
                    precision={0}
                    aria-label={t('disposal.lotForm.preemptorRank')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('disposal.lotForm.remove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add()}
              disabled={fields.length >= maxListed}
            >
              {t('disposal.lotForm.addPreemptor')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}
