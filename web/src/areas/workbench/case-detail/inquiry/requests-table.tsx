import { App, Button, Table, Tag, Typography } from 'antd';
import type { TCaseInquiries, TRequestState } from '../../../../../../src/modules/inquiry/contracts.ts';
import { useRetryRequest } from '../../../../api/inquiry.ts';
import { describeError } from '../../../../components/error-text.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { requestStateKey } from './labels.ts';

const stateColor: Record<TRequestState, string> = {
  pending: 'default',
  sending: 'processing',
  accepted: 'processing',
  answered: 'success',
  failed: 'error',
  expired: 'warning',
};

/** The latest inquiry's requests, one per institution and respondent; failed ones can be retried by hand. */
export function RequestsTable({
  caseId,
  data,
  canAct,
}: {
  caseId: string;
  data: TCaseInquiries | undefined;
  canAct: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const retry = useRetryRequest(caseId);
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={data?.requests ?? []}
      pagination={{ pageSize: 26, hideOnSinglePage: true }}
      columns={[
        { key: 'institution', title: t('inquiry.col.institution'), dataIndex: 'institutionName', width: 180 },
        {
          key: 'state',
          title: t('inquiry.col.state'),
          width: 110,
          render: (_v, r) => <Tag color={stateColor[r.state]}>{t(requestStateKey(r.state))}</Tag>,
        },
        { key: 'attempts', title: t('inquiry.col.attempts'), dataIndex: 'attempts', width: 70 },
        {
          key: 'error',
          title: t('inquiry.col.error'),
          render: (_v, r) =>
            r.lastError ? (
              <Typography.Text type="secondary">{i18n.pickMessage(r.lastError)}</Typography.Text>
            ) : (
              ''
            ),
        },
        {
          key: 'updatedAt',
          title: t('inquiry.col.updatedAt'),
          width: 140,
          render: (_v, r) => formatDateTime(r.updatedAt),
        },
        {
          key: 'retry',
          title: '',
          width: 80,
          render: (_v, r) =>
            canAct && (r.state === 'failed' || r.state === 'expired') ? (
              <Button
                size="small"
                loading={retry.isPending && retry.variables === r.id}
                onClick={() =>
                  retry.mutate(r.id, {
                    onSuccess: () => message.success(t('inquiry.retried')),
                    onError: (error) => message.error(describeError(error, i18n)),
                  })
                }
              >
                {t('inquiry.retry')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
