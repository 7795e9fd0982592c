import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { type RespondentQuery, useRespondentSearch } from '../../api/public-search.ts';
import { useI18n } from '../../i18n/index.ts';
import { RespondentResults } from './respondent-results.tsx';

type SubjectKind = RespondentQuery['kind'];
type SearchValues = { name: string; identifier?: string };

/**
 * 被执行人查询 (as on the national disclosure portal): a name together with the ID number of a
 * person, or the credit code of an organisation (whose exact name alone also finds it). The ID
 * number stays in this page — never in its address, history or the referrer.
 */
export function RespondentSearch() {
  const { t } = useI18n();
  const [form] = Form.useForm<SearchValues>();
  const [kind, setKind] = useState<SubjectKind>('person');
  const [query, setQuery] = useState<RespondentQuery | null>(null);
  const [isProving, setIsProving] = useState(false);
  const search = useRespondentSearch(query, setIsProving);

  const handleFinish = (values: SearchValues) => {
    const name = values.name.trim();
    const identifier = (values.identifier ?? '').trim().toUpperCase();
    setQuery(
      kind === 'person' ? { kind, name, idNumber: identifier } : { kind, name, creditCode: identifier },
    );
  };

  return (
    <section aria-labelledby="portal-respondent-title">
      <Card>
        <Typography.Title level={2} id="portal-respondent-title" style={{ fontSize: 18, marginTop: 0 }}>
          {t('disclosure.search.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('disclosure.search.intro')}</Typography.Paragraph>
        <Segmented<SubjectKind>
          value={kind}
          onChange={(value) => {
            setKind(value);
            form.setFields([{ name: 'identifier', errors: [] }]);
          }}
          aria-label={t('disclosure.search.kind')}
          options={[
            { value: 'person', label: t('disclosure.search.person') },
            { value: 'organisation', label: t('disclosure.search.organisation') },
          ]}
          style={{ marginBottom: 16 }}
          data-testid="portal-subject-kind"
        />
        <Form<SearchValues>
          form={form}
          layout="vertical"
          onFinish={handleFinish}
          data-testid="portal-respondent-form"
        >
          <Row gutter={12} align="bottom">
            <Col xs={24} md={9}>
              <Form.Item
                name="name"
                label={t(kind === 'person' ? 'disclosure.search.name' : 'disclosure.search.orgName')}
                rules={[
                  { required: true, whitespace: true, message: t('disclosure.search.nameRequired') },
                  { min: 2, message: t('disclosure.search.nameRequired') },
                ]}
              >
                <Input size="large" maxLength={100} autoComplete="off" data-testid="portal-respondent-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item
                name="identifier"
                label={t(kind === 'person' ? 'disclosure.search.idNumber' : 'disclosure.search.creditCode')}
                rules={
                  kind === 'person'
                    ? [
                        { required: true, whitespace: true, message: t('disclosure.search.idRequired') },
                        { len: 18, message: t('disclosure.search.idLength') },
                      ]
                    : [{ len: 18, message: t('disclosure.search.codeLength') }]
                }
                extra={kind === 'organisation' ? t('disclosure.search.codeOptional') : undefined}
              >
                <Input
                  size="large"
                  maxLength={18}
                  autoComplete="off"
                  spellCheck={false}
                  data-testid="portal-respondent-id"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={null}>
                <Button
                  type="primary"
                  size="large"
                  htmlType="submit"
                  icon={<SearchOutlined aria-hidden />}
                  loading={search.isFetching}
                  block
                  data-testid="portal-respondent-submit"
                >
                  {t('portal.search')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {query ? <RespondentResults search={search} isProving={isProving} /> : null}
    </section>
  );
}
