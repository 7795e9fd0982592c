import { App, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFileCase } from '../../../api/cases.ts';
import { isApiError } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';
import { BasisFields } from './basis-fields.tsx';
import { CaseInfoFields } from './case-info-fields.tsx';
import {
  type FileCaseValues,
  fieldAliases,
  initialFileCaseValues,
  toFileCaseBody,
} from './file-case-values.ts';
import { PartyListFields } from './party-list-fields.tsx';

/** 立案: the filing form. Client checks first; the server's field errors land beside the same fields. */
export function FileCasePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FileCaseValues>();
  const fileCase = useFileCase();
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: FileCaseValues) => {
    setUnplaced([]);
    fileCase.mutate(toFileCaseBody(values), {
      onSuccess: (created) => {
        message.success(t('filing.filed', { caseNumber: created.caseNumber }));
        navigate(`/cases/${created.id}`);
      },
      onError: (error) => {
        if (isApiError(error))
          setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage, fieldAliases).unplaced);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('filing.title')} subtitle={t('filing.subtitle')} />
      {fileCase.error ? <ErrorAlert error={fileCase.error} extraMessages={unplaced} /> : null}
      <Form<FileCaseValues>
        form={form}
        layout="vertical"
        initialValues={initialFileCaseValues}
        onFinish={handleFinish}
        scrollToFirstError={{ block: 'center' }}
        disabled={fileCase.isPending}
      >
        <CaseInfoFields />
        <BasisFields />
        <PartyListFields listName="applicants" />
        <PartyListFields listName="respondents" />
        <Card
          size="small"
          style={{ position: 'sticky', bottom: 0, zIndex: 5, boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.06)' }}
        >
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => navigate(-1)} disabled={false}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={fileCase.isPending} data-testid="submit-case">
              {t('filing.submit')}
            </Button>
          </Flex>
        </Card>
      </Form>
    </>
  );
}
