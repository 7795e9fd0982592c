import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type TInboxItem, useInbox, useMarkRead } from '../api/inbox.ts';
import { dueOf, inboxKindKey } from '../areas/inbox/inbox-item-view.ts';
import { useI18n } from '../i18n/index.ts';

/** How many items the bell's list shows; the inbox page has them all. */
const bellItems = 8;

/**
 * The bell in the header: the count of unread to-do items, and the most pressing of them. Opening
 * an item marks it read and goes where it is done.
 */
export function InboxBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const inbox = useInbox();
  const markRead = useMarkRead();
  const [isOpen, setOpen] = useState(false);
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  const open = (item: TInboxItem) => {
    setOpen(false);
    if (!item.isRead) markRead.mutate([item.id]);
    navigate(item.link);
  };

  const content = (
    <div style={{ width: 380, maxWidth: 'calc(100vw - 32px)' }} data-testid="inbox-bell-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, bellItems)}
          renderItem={(item) => {
            const due = dueOf(item);
            return (
              <List.Item
                key={item.id}
                data-testid="inbox-bell-item"
                style={{ cursor: 'pointer', paddingInline: 4 }}
                onClick={() => open(item)}
              >
                <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
                  <Flex gap={6} align="center">
                    {item.isRead ? null : <Badge status="processing" />}
                    <Tag style={{ marginInlineEnd: 0 }}>{t(inboxKindKey(item.kind))}</Tag>
                    {due ? (
                      <Typography.Text type={due.isOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                        {t('inbox.due', { date: due.date })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                  <Typography.Text ellipsis strong={!item.isRead}>
                    {lang === 'zh' ? item.title : item.titleEn}
                  </Typography.Text>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          onClick={() => markRead.mutate(items.filter((i) => !i.isRead).map((i) => i.id))}
        >
          {t('inbox.markAllRead')}
        </Button>
        <Button
          size="small"
          type="link"
          data-testid="inbox-see-all"
          onClick={() => {
            setOpen(false);
            navigate('/inbox');
          }}
        >
          {t('inbox.all')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('inbox.title')}
      trigger="click"
      placement="bottomRight"
      open={isOpen}
      onOpenChange={setOpen}
    >
      <Button
        type="text"
        aria-label={t('inbox.bell', { count: unread })}
        data-testid="inbox-bell"
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
