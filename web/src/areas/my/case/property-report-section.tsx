import { Alert, App, Button, Card, Empty, Flex, Form, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../api/client.ts';
import {
  type TObligationStatus,
  type TPortalObligation,
  type TPortalObligationList,
  useSubmitPortalReport,
} from '../../../api/procedures.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import {
  PropertyReportFields,
  type ReportFormValues,
  reportFieldAliases,
  toReportInput,
} from '../../../components/property-report-fields.tsx';
import { ReportItemsTable } from '../../../components/report-items-table.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { applyServerFieldErrors } from '../../../lib/form-errors.ts';

const statusColor: Record<TObligationStatus, string> = {
  awaiting: 'processing',
  reported: 'success',
  late: 'error',
  refused: 'error',
};

/** The report form: the first report, or after it a supplement within 10 days of a change. */
function ReportForm({ caseId, isSupplement }: { caseId: string; isSupplement: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const submit = useSubmitPortalReport(caseId);
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const handleFinish = (values: ReportFormValues) => {
    setUnplaced([]);
    const report = toReportInput(values);
    submit.mutate(report, {
      onSuccess: () => {
        message.success(t('my.report.submitted'));
        form.resetFields();
      },
      onError: (error) => {
        if (isApiError(error))
          setUnplaced(
            applyServerFieldErrors(form, error, i18n.pickMessage, reportFieldAliases(report.items.length))
              .unplaced,
          );
      },
    });
  };

  return (
    <Card size="small" title={t(isSupplement ? 'my.report.supplementTitle' : 'reports.tab')}>
      <ErrorAlert error={submit.error} extraMessages={unplaced} />
      <Form<ReportFormValues>
        form={form}
        layout="vertical"
        initialValues={{ items: [] }}
        onFinish={handleFinish}
        data-testid="my-report-form"
      >
        <PropertyReportFields testIdPrefix="my-report" />
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="my-report-submit">
          {t('reports.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ObligationView({ obligation: o, days }: { obligation: TPortalObligation; days: number }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{o.respondentName}</Typography.Text>
        <Tag color={statusColor[o.status]} data-testid="my-report-status" data-status={o.status}>
          {t(`reports.status.${o.status}`)}
        </Tag>
      </Flex>
      <Alert
        type={o.status === 'late' ? 'error' : 'info'}
        showIcon
        title={t('my.report.order', { ordered: o.orderedOn, due: o.dueOn, since: o.changesSince })}
        description={o.status === 'reported' ? t('my.report.supplement', { days }) : undefined}
      />
      {o.reports.length > 0 ? (
        <Card size="small" title={t('my.report.history')}>
          <Flex vertical gap={12}>
            {o.reports.map((r) => (
              <Flex key={r.id} vertical gap={6} data-testid="my-report">
                <Typography.Text type="secondary" className="tabular-nums">
                  {t(r.kind === 'initial' ? 'my.report.initial' : 'my.report.supplementKind')} ·{' '}
                  {formatDateTime(r.reportedAt)} · {r.reportedBy}
                </Typography.Text>
                <ReportItemsTable items={r.items} />
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                  {t('reports.changesLabel')}
                  {r.changesSinceOneYearBefore}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}

/**
 * 报告财产 in the respondent's portal: the court's order with its due date and look-back, the
 * reports filed, and the form — items of property, the year's changes, and the statement that
 * the report is true and complete.
 */
export function PropertyReportSection({
  caseId,
  query,
}: {
  caseId: string;
  query: { isPending: boolean; error: unknown; data: TPortalObligationList | undefined };
}) {
  const { t } = useI18n();
  if (query.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (query.error || !query.data) return <ErrorAlert error={query.error ?? null} />;
  const latest = query.data.items.at(-1);
  if (!latest) return <Empty description={t('my.report.none')} />;
  return (
    <Flex vertical gap={16} data-testid="my-property-report">
      <ObligationView obligation={latest} days={query.data.rules.changeReportDays} />
      <ReportForm caseId={caseId} isSupplement={latest.reports.length > 0} />
    </Flex>
  );
}
