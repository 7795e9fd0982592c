import { Badge, Button, Card, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePartyCases } from '../../../api/party.ts';
import { useMarkNoticesRead, usePartyNotices } from '../../../api/party-notices.ts';
import { PageSpin } from '../../../app/page-spin.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useDocumentTitle } from '../use-document-title.ts';
import { DeliveryLog } from './delivery-log.tsx';
import { PreferencesCard } from './preferences-card.tsx';

/** 消息通知: what happened in the person's cases, how they want to hear of it, and what was sent. */
export function NoticesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('my.notices.title'));
  const notices = usePartyNotices();
  const markRead = useMarkNoticesRead();
  const cases = usePartyCases();
  const [caseId, setCaseId] = useState<string | null>(null);
  const shownCaseId = caseId ?? cases.data?.items[0]?.id ?? null;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('my.notices.title')}
      </Typography.Title>
      <PreferencesCard />
      <Card
        size="small"
        title={
          <Flex gap={8} align="center">
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('my.notices.list')}
            </Typography.Title>
            <Badge count={notices.data?.unread ?? 0} />
          </Flex>
        }
        extra={
          (notices.data?.unread ?? 0) > 0 ? (
            <Button
              size="small"
              loading={markRead.isPending}
              onClick={() => markRead.mutate()}
              data-testid="my-notices-read"
            >
              {t('my.notices.markRead')}
            </Button>
          ) : null
        }
      >
        {notices.isPending ? <PageSpin /> : null}
        {notices.isError ? <QueryError error={notices.error} onRetry={() => notices.refetch()} /> : null}
        {notices.data ? (
          <List
            size="small"
            data-testid="my-notices"
            dataSource={notices.data.items}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('my.notices.empty')}</Typography.Text>,
            }}
            renderItem={(notice) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex gap={8} align="center" wrap>
                    {notice.isRead ? null : <Badge status="processing" text={t('my.notices.unread')} />}
                    <Link to={`/my/cases/${notice.caseId}`} className="tabular-nums">
                      {notice.caseNumber}
                    </Link>
                    <Typography.Text type="secondary" className="tabular-nums">
                      {formatDateTime(notice.createdAt)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text strong={!notice.isRead}>{notice.text}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : null}
      </Card>
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('my.deliveries.title')}
          </Typography.Title>
        }
        extra={
          (cases.data?.items.length ?? 0) > 1 ? (
            <Select
              size="small"
              aria-label={t('my.deliveries.case')}
              value={shownCaseId}
              onChange={setCaseId}
              style={{ minWidth: 200 }}
              options={cases.data?.items.map((item) => ({ value: item.id, label: item.caseNumber }))}
            />
          ) : null
        }
      >
        {shownCaseId ? (
          <DeliveryLog caseId={shownCaseId} />
        ) : (
          <Typography.Text type="secondary">{t('my.deliveries.empty')}</Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
