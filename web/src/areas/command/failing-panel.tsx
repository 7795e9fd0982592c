import { AlertOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type CommandScope,
  indicatorCodes,
  type TFailingItem,
  type TIndicatorCode,
  useFailing,
} from '../../api/command.ts';
import { hasAnyRole, useCurrentUser } from '../../app/current-user.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { indicatorShortKey } from './labels.ts';
import { SuperviseModal } from './supervise-modal.tsx';

const pageSize = 10;

const rowKey = (item: TFailingItem) => `${item.caseId}:${item.petitionId ?? ''}`;

/**
 * 未达标案件: the cases failing one indicator in the court and the courts below, with the reason
 * in the reader's language. A command centre or leader may open a supervision (督办) on a case of
 * a court below their own.
 */
export function FailingPanel({
  scope,
  indicator,
  onIndicatorChange,
  courtNames,
}: {
  scope: CommandScope;
  indicator: TIndicatorCode;
  onIndicatorChange: (code: TIndicatorCode) => void;
  courtNames: ReadonlyMap<string, string>;
}) {
  const { t, pick } = useI18n();
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const [supervising, setSupervising] = useState<TFailingItem | null>(null);
  const failing = useFailing(indicator, scope, { limit: pageSize, offset: (page - 1) * pageSize });
  const maySupervise = (item: TFailingItem) =>
    hasAnyRole(user, 'commandCentre', 'courtLeader') && item.courtId !== user.court.id;
  const items = failing.data?.items ?? [];
  const hasActions = items.some(maySupervise);

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Segmented<TIndicatorCode>
          value={indicator}
          onChange={(code) => {
            setPage(1);
            onIndicatorChange(code);
          }}
          options={indicatorCodes.map((code) => ({ value: code, label: t(indicatorShortKey(code)) }))}
          data-testid="failing-indicator"
        />
        <Typography.Text type="secondary">{t('command.failing.hint')}</Typography.Text>
      </Flex>
      {failing.isError && !failing.data ? (
        <QueryError error={failing.error} onRetry={() => failing.refetch()} />
      ) : (
        <Table<TFailingItem>
          rowKey={rowKey}
          size="small"
          loading={failing.isFetching}
          dataSource={items}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('command.failing.empty') }}
          data-testid="failing-table"
          pagination={{
            current: page,
            pageSize,
            total: failing.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('command.total', { total }),
            onChange: setPage,
          }}
          columns={[
            {
              key: 'case',
              title: t('command.caseNumber'),
              width: 210,
              render: (_, item) => (
                <Link to={`/cases/${item.caseId}`} className="tabular-nums">
                  {item.caseNumber}
                </Link>
              ),
            },
            {
              key: 'court',
              title: t('command.court'),
              width: 190,
              ellipsis: true,
              render: (_, item) => courtNames.get(item.courtId) ?? '—',
            },
            {
              key: 'reason',
              title: t('command.failing.reason'),
              render: (_, item) => <span data-testid="failing-reason">{pick(item.reasonLabel)}</span>,
            },
            {
              key: 'countedOn',
              title: t('command.failing.countedOn'),
              dataIndex: 'countedOn',
              width: 110,
              className: 'tabular-nums',
            },
            ...(hasActions
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 112,
                    fixed: 'right' as const,
                    render: (_: unknown, item: TFailingItem) =>
                      maySupervise(item) ? (
                        <Button
                          size="small"
                          icon={<AlertOutlined />}
                          onClick={() => setSupervising(item)}
                          data-testid={`supervise-${item.caseId}`}
                        >
                          {t('command.supervise.button')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      <SuperviseModal target={supervising} onClose={() => setSupervising(null)} />
    </>
  );
}
