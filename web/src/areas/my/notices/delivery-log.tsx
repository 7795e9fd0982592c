import { MessageOutlined, MobileOutlined } from '@ant-design/icons';
import { Flex, List, Tag, Typography } from 'antd';
import { useDeliveries } from '../../../api/party-notices.ts';
import { PageSpin } from '../../../app/page-spin.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';

/** Every SMS and in-app message sent to the person about the case, and whether it arrived. */
export function DeliveryLog({ caseId }: { caseId: string }) {
  const { t, pickMessage } = useI18n();
  const query = useDeliveries(caseId);
  const stateLabel = (state: string) =>
    state === 'queued' || state === 'sending' || state === 'sent' || state === 'failed'
      ? t(`my.deliveries.state.${state}`)
      : state;
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const items = [...query.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <List
      size="small"
      data-testid="my-deliveries"
      dataSource={items}
      locale={{ emptyText: <Typography.Text type="secondary">{t('my.deliveries.empty')}</Typography.Text> }}
      renderItem={(item) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex gap={8} align="center" wrap>
              <Tag
                icon={
                  item.channel === 'sms' ? <MobileOutlined aria-hidden /> : <MessageOutlined aria-hidden />
                }
              >
                {t(`my.channel.${item.channel}`)}
              </Tag>
              <Typography.Text type="secondary" className="tabular-nums">
                {formatDateTime(item.createdAt)}
              </Typography.Text>
              <Typography.Text type="secondary">{pickMessage(item.to)}</Typography.Text>
              <Tag color={item.deliveredAt ? 'success' : item.state === 'failed' ? 'error' : 'default'}>
                {item.deliveredAt
                  ? t('my.deliveries.delivered', { time: formatDateTime(item.deliveredAt) })
                  : stateLabel(item.state)}
              </Tag>
            </Flex>
            <Typography.Text>{item.text}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
