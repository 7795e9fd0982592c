import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import { isApiError } from '../../../../api/client.ts';
import { useSubmitPaperReport } from '../../../../api/procedures.ts';
import { ErrorAlert } from '../../../../components/error-alert.tsx';
import {
  PropertyReportFields,
  type ReportFormValues,
  reportFieldAliases,
  toReportInput,
} from '../../../../components/property-report-fields.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { applyServerFieldErrors } from '../../../../lib/form-errors.ts';

type Values = ReportFormValues & { respondentPartyId?: string };

/** 录入书面财产报告: the clerk enters a report a respondent filed on paper, as they signed it. */
export function PaperReportModal({
  detail,
  isOpen,
  onClose,
}: {
  detail: TCaseDetail;
  isOpen: boolean;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitPaperReport(detail.id);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: Values) => {
    if (!values.respondentPartyId) return;
    setUnplaced([]);
    const report = toReportInput(values);
    submit.mutate(
      { respondentPartyId: values.respondentPartyId, ...report },
      {
        onSuccess: () => {
          message.success(t('reports.paperSaved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error))
            setUnplaced(
              applyServerFieldErrors(form, error, i18n.pickMessage, reportFieldAliases(report.items.length))
                .unplaced,
            );
        },
      },
    );
  };

  return (
    <Modal
      open={isOpen}
      width={760}
      title={t('reports.paperTitle')}
      okText={t('reports.submit')}
      okButtonProps={{ 'data-testid': 'paper-report-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      destroyOnHidden
      afterClose={() => {
        submit.reset();
        setUnplaced([]);
      }}
    >
      <ErrorAlert error={submit.error} extraMessages={unplaced} />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          items: [],
          respondentPartyId: detail.respondents.length === 1 ? detail.respondents[0]?.id : undefined,
        }}
        onFinish={handleFinish}
        data-testid="paper-report-form"
      >
        <Form.Item
          name="respondentPartyId"
          label={t('reports.respondent')}
          rules={[{ required: true, message: t('reports.respondentRequired') }]}
        >
          <Select options={detail.respondents.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <PropertyReportFields testIdPrefix="paper-report" />
      </Form>
    </Modal>
  );
}
