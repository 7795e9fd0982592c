import { Checkbox, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type TWarning, useWarnings, type WarningFilter } from '../../api/command.ts';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';

const specialFlags = ['stateOrgan', 'military', 'livelihood'] as const;
const flagKey = (flag: string): MessageKey | null =>
  specialFlags.some((f) => f === flag) ? (`command.warning.flag.${flag}` as MessageKey) : null;

/**
 * 预警: the warnings of the court and those below it — node deadlines yellow before and red after,
 * cases without a step for long (消极执行) — red first and the special cases (涉党政机关、涉军、涉民生)
 * first among them, with how far up each has been raised.
 */
export function WarningsTab({
  court,
  courtNames,
}: {
  court: string;
  courtNames: ReadonlyMap<string, string>;
}) {
  const { t, pick } = useI18n();
  const [filter, setFilter] = useState<WarningFilter>({});
  const list = useWarnings(court, filter);
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const stats = list.data?.statistics;
  const describe = (w: TWarning) => {
    if (w.kind === 'passive') return t('command.warning.idleDays', { days: w.days });
    return w.level === 'red'
      ? t('command.warning.overdueDays', { days: w.days })
      : t('command.warning.leftDays', { days: -w.days });
  };
  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented
            value={filter.level ?? 'all'}
            onChange={(v) =>
              setFilter((f) => ({ ...f, level: v === 'red' || v === 'yellow' ? v : undefined }))
            }
            options={[
              { value: 'all', label: t('command.warning.all') },
              { value: 'red', label: t('command.warning.red') },
              { value: 'yellow', label: t('command.warning.yellow') },
            ]}
            data-testid="warnings-level"
          />
          <Segmented
            value={filter.kind ?? 'all'}
            onChange={(v) =>
              setFilter((f) => ({ ...f, kind: v === 'deadline' || v === 'passive' ? v : undefined }))
            }
            options={[
              { value: 'all', label: t('command.warning.all') },
              { value: 'deadline', label: t('command.warning.kind.deadline') },
              { value: 'passive', label: t('command.warning.kind.passive') },
            ]}
          />
          <Checkbox
            checked={filter.special === true}
            onChange={(e) => setFilter((f) => ({ ...f, special: e.target.checked || undefined }))}
            data-testid="warnings-special"
          >
            {t('command.warning.special')}
          </Checkbox>
        </Space>
        {stats ? (
          <Typography.Text type="secondary">{t('command.warning.summary', stats)}</Typography.Text>
        ) : null}
      </Flex>
      <Table<TWarning>
        rowKey={(w) => `${w.caseId}|${w.kind}|${w.deadlineKind ?? ''}`}
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={(list.data?.items.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('command.warning.empty') }}
        data-testid="warnings-table"
        columns={[
          {
            key: 'case',
            title: t('command.caseNumber'),
            width: 200,
            render: (_, w) => (
              <Space size={4} wrap>
                <Link to={`/cases/${w.caseId}`} className="tabular-nums">
                  {w.caseNumber}
                </Link>
                {w.flags.flatMap((flag) => {
                  const key = flagKey(flag);
                  return key
                    ? [
                        <Tag key={flag} color="purple">
                          {t(key)}
                        </Tag>,
                      ]
                    : [];
                })}
              </Space>
            ),
          },
          {
            key: 'court',
            title: t('command.court'),
            width: 200,
            render: (_, w) => courtNames.get(w.courtId) ?? '',
          },
          {
            key: 'level',
            title: t('command.warning.level'),
            width: 100,
            render: (_, w) => (
              <Tag color={w.level === 'red' ? 'red' : 'gold'}>
                {t(w.level === 'red' ? 'command.warning.red' : 'command.warning.yellow')}
              </Tag>
            ),
          },
          {
            key: 'what',
            title: t('command.warning.what'),
            render: (_, w) =>
              w.kind === 'passive' ? t('command.warning.kind.passive') : pick(w.deadlineLabel ?? undefined),
          },
          { key: 'due', title: t('command.warning.dueOn'), width: 120, render: (_, w) => w.dueOn ?? '—' },
          { key: 'days', title: t('command.warning.days'), width: 160, render: (_, w) => describe(w) },
          {
            key: 'escalation',
            title: t('command.warning.escalation'),
            width: 120,
            render: (_, w) => t(`command.warning.escalation.${w.escalation}`),
          },
        ]}
      />
    </>
  );
}
