import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { addCalendarDays } from '../../../../src/kernel/index.ts';
import { isApiError } from '../../api/client.ts';
import { useReconcileNow, useReconciliations } from '../../api/funds.ts';
import { DatePicker } from '../../components/date-picker.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { dateFormat, toDateString } from '../../lib/dates.ts';
import { applyServerFieldErrors } from '../../lib/form-errors.ts';
import { serverToday } from '../../lib/server-clock.ts';
import { ReconciliationsTable } from './reconciliations-table.tsx';

type ReconcileValues = { date: Dayjs };

/** Only a China date that has ended (by the server's clock) has a bank statement to check. */
const isNotEnded = (value: Dayjs) => toDateString(value) >= serverToday();

/**
 * 对账: the results of checking the bank's daily statement against the ledger (the nightly job
 * checks the day before), and 立即对账 for any ended day, yesterday by default.
 */
export function ReconciliationTab() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const list = useReconciliations();
  const reconcile = useReconcileNow();
  const [form] = Form.useForm<ReconcileValues>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);

  const handleFinish = (values: ReconcileValues) => {
    setUnplaced([]);
    const date = toDateString(values.date);
    reconcile.mutate(date, {
      onSuccess: (result) => {
        if (result.state === 'balanced') message.success(t('funds.recon.doneBalanced', { date }));
        else {
          message.warning(t('funds.recon.doneDifferences', { date, n: result.differences.length }));
          setExpanded((keys) => (keys.includes(date) ? keys : [...keys, date]));
        }
      },
      onError: (error) => {
        if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, i18n.pickMessage).unplaced);
      },
    });
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('funds.recon.hint')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 12 }}>
        <ErrorAlert error={reconcile.error} extraMessages={unplaced} />
        <Form<ReconcileValues>
          form={form}
          layout="inline"
          initialValues={{ date: dayjs(addCalendarDays(serverToday(), -1), dateFormat) }}
          onFinish={handleFinish}
          data-testid="reconcile-form"
        >
          <Form.Item
            name="date"
            label={t('funds.recon.date')}
            rules={[{ required: true, message: t('funds.recon.dateRequired') }]}
          >
            <DatePicker
              format={dateFormat}
              disabledDate={isNotEnded}
              allowClear={false}
              data-testid="reconcile-date"
            />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SyncOutlined />}
              loading={reconcile.isPending}
              data-testid="reconcile-submit"
            >
              {t('funds.recon.now')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <ReconciliationsTable
          items={list.data?.items ?? []}
          loading={list.isPending}
          expanded={expanded}
          onExpandedChange={setExpanded}
        />
      )}
    </>
  );
}
