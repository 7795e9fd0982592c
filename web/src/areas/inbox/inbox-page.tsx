import { Badge, Button, Card, Checkbox, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type TInboxItem, type TInboxKind, useInbox, useMarkRead } from '../../api/inbox.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { dueOf, inboxKindKey } from './inbox-item-view.ts';

/**
 * 待办事项: everything waiting for the signed-in user, the most pressing first — each row a link
 * to where it is done, filtered by kind; done work leaves the list by itself.
 */
export function InboxPage() {
  const { t, lang } = useI18n();
  const inbox = useInbox();
  const markRead = useMarkRead();
  const [kind, setKind] = useState<TInboxKind | 'all'>('all');
  const [isUnreadOnly, setUnreadOnly] = useState(false);
  if (inbox.isError && !inbox.data) return <QueryError error={inbox.error} onRetry={() => inbox.refetch()} />;
  const items = inbox.data?.items ?? [];
  const kinds = [...new Set(items.map((i) => i.kind))];
  const shown = items.filter((i) => (kind === 'all' || i.kind === kind) && (!isUnreadOnly || !i.isRead));
  const unreadShown = shown.filter((i) => !i.isRead).map((i) => i.id);

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        subtitle={t('inbox.subtitle')}
        extra={
          <Button disabled={unreadShown.length === 0} onClick={() => markRead.mutate(unreadShown)}>
            {t('inbox.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<TInboxKind | 'all'>
            value={kind}
            onChange={setKind}
            options={[
              { value: 'all', label: `${t('inbox.allKinds')} ${items.length}` },
              ...kinds.map((k) => ({
                value: k,
                label: `${t(inboxKindKey(k))} ${items.filter((i) => i.kind === k).length}`,
              })),
            ]}
          />
          <Checkbox checked={isUnreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)}>
            {t('inbox.unreadOnly')}
          </Checkbox>
        </Flex>
        <Table<TInboxItem>
          rowKey="id"
          size="small"
          loading={inbox.isLoading}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('inbox.empty') }}
          data-testid="inbox-table"
          columns={[
            {
              key: 'kind',
              title: t('inbox.kind'),
              width: 130,
              render: (_, item) => (
                <Flex gap={6} align="center">
                  {item.isRead ? null : <Badge status="processing" title={t('inbox.unread')} />}
                  <Tag style={{ marginInlineEnd: 0 }}>{t(inboxKindKey(item.kind))}</Tag>
                </Flex>
              ),
            },
            {
              key: 'title',
              title: t('inbox.item'),
              render: (_, item) => (
                <Link
                  to={item.link}
                  onClick={() => (item.isRead ? undefined : markRead.mutate([item.id]))}
                  style={{ fontWeight: item.isRead ? 400 : 600 }}
                >
                  {lang === 'zh' ? item.title : item.titleEn}
                </Link>
              ),
            },
            {
              key: 'due',
              title: t('inbox.dueAt'),
              width: 140,
              render: (_, item) => {
                const due = dueOf(item);
                if (!due) return null;
                return (
                  <Typography.Text type={due.isOverdue ? 'danger' : undefined} className="tabular-nums">
                    {due.date}
                    {due.isOverdue ? ` ${t('inbox.overdue')}` : ''}
                  </Typography.Text>
                );
              },
            },
            {
              key: 'createdAt',
              title: t('inbox.createdAt'),
              width: 160,
              render: (_, item) => <span className="tabular-nums">{formatDateTime(item.createdAt)}</span>,
            },
          ]}
        />
      </Card>
    </>
  );
}
