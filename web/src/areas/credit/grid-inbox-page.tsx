import { Alert, Badge, Button, Card, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useGridInbox, useMarkGridRead } from '../../api/credit.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.ts';

const kindKeys = {
  listed: 'credit.grid.kind.listed',
  deleted: 'credit.grid.kind.deleted',
  updated: 'credit.grid.kind.updated',
  restrictionAdded: 'credit.grid.kind.restrictionAdded',
  restrictionLifted: 'credit.grid.kind.restrictionLifted',
  rewardNotice: 'credit.grid.kind.rewardNotice',
  dishonestList: 'credit.measure.dishonestList',
  consumptionRestriction: 'credit.measure.consumptionRestriction',
  exitRestriction: 'credit.measure.exitRestriction',
  legalRepresentative: 'credit.role.legalRepresentative',
  principal: 'credit.role.principal',
  responsiblePerson: 'credit.role.responsiblePerson',
  actualController: 'credit.role.actualController',
} as const satisfies Record<string, MessageKey>;

function keyOf(code: string | null): MessageKey | null {
  const found = Object.entries(kindKeys).find(([k]) => k === code);
  return found ? found[1] : null;
}

const kindColor: Record<string, string> = {
  listed: 'red',
  deleted: 'green',
  restrictionAdded: 'orange',
  restrictionLifted: 'blue',
  rewardNotice: 'purple',
  updated: 'default',
};

/** 网格员: listings, restrictions and reward notices of debtors registered in the worker's areas. */
export function GridInboxPage() {
  const { t } = useI18n();
  const label = (code: string | null) => {
    const key = keyOf(code);
    return key ? t(key) : (code ?? '');
  };
  const [page, setPage] = useState(1);
  const inbox = useGridInbox(page);
  const markRead = useMarkGridRead();
  if (inbox.isError && !inbox.data) return <QueryError error={inbox.error} onRetry={() => inbox.refetch()} />;
  const data = inbox.data;
  const newest = data?.items[0]?.seq;
  return (
    <>
      <PageHeader
        title={t('credit.grid.title')}
        subtitle={
          data && data.areas.length > 0 ? t('credit.grid.areas', { areas: data.areas.join('、') }) : undefined
        }
        tags={
          data ? (
            <Badge
              count={data.unread}
              overflowCount={999}
              title={t('credit.grid.unread', { n: data.unread })}
            />
          ) : null
        }
        extra={
          newest !== undefined && (data?.unread ?? 0) > 0 ? (
            <Button onClick={() => markRead.mutate(newest)} loading={markRead.isPending}>
              {t('credit.grid.markRead')}
            </Button>
          ) : null
        }
      />
      {data && data.areas.length === 0 ? (
        <Alert type="warning" showIcon title={t('credit.grid.noAreas')} />
      ) : null}
      <Card>
        <List
          data-testid="grid-inbox"
          loading={inbox.isFetching}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
          renderItem={(item) => (
            <List.Item
              key={item.seq}
              style={{ background: item.isUnread ? '#fffbe6' : undefined, paddingInline: 8 }}
            >
              <List.Item.Meta
                title={
                  <>
                    <Tag color={kindColor[item.kind]}>{label(item.kind)}</Tag>
                    <Tag>{label(item.measure)}</Tag>
                    <Typography.Text strong>{item.name}</Typography.Text>{' '}
                    <Typography.Text type="secondary" className="tabular-nums">
                      {item.idNumber ?? item.creditCode ?? ''}
                    </Typography.Text>
                  </>
                }
                description={`${item.caseNumber ?? ''} · ${item.court} · ${item.since ?? ''}${item.role && item.role !== 'debtor' ? ` · ${label(item.role)}` : ''} · ${item.occurredAt.slice(0, 16).replace('T', ' ')}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
