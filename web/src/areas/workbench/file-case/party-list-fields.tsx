import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form } from 'antd';
import { useI18n } from '../../../i18n/index.ts';
import { emptyParty, type PartyListName } from './file-case-values.ts';
import { PartyFields } from './party-fields.tsx';

/** 申请执行人 or 被执行人: at least one of each. */
export function PartyListFields({ listName }: { listName: PartyListName }) {
  const { t } = useI18n();
  const isApplicants = listName === 'applicants';
  const title = isApplicants ? t('filing.applicants') : t('filing.respondents');
  const requiredMessage = isApplicants ? t('filing.applicantsRequired') : t('filing.respondentsRequired');

  return (
    <Form.List
      name={listName}
      rules={[
        {
          validator: async (_rule, items: unknown[] | undefined) => {
            if (!items || items.length === 0) throw new Error(requiredMessage);
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Card
          title={title}
          style={{ marginBottom: 16 }}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => add(emptyParty)} data-testid={`add-${listName}`}>
              {isApplicants ? t('filing.addApplicant') : t('filing.addRespondent')}
            </Button>
          }
        >
          {fields.map((field, index) => (
            <PartyFields
              key={field.key}
              listName={listName}
              fieldName={field.name}
              title={`${title} ${index + 1}`}
              canRemove={fields.length > 1}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Form.ErrorList errors={errors} />
        </Card>
      )}
    </Form.List>
  );
}
