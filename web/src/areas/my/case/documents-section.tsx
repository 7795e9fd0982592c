import { FileTextOutlined } from '@ant-design/icons';
import { Flex, List, Tag, Typography } from 'antd';
import type { TPartyCase } from '../../../api/party.ts';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';

/** The documents served on the person, with when they were served and when received. */
export function DocumentsSection({ documents }: { documents: TPartyCase['documents'] }) {
  const { t } = useI18n();
  return (
    <List
      data-testid="my-documents"
      dataSource={documents}
      locale={{ emptyText: <Typography.Text type="secondary">{t('my.documents.empty')}</Typography.Text> }}
      renderItem={(document) => (
        <List.Item>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Typography.Text strong>
              <FileTextOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
              {document.name}
            </Typography.Text>
            <Flex gap={12} wrap>
              <Typography.Text type="secondary" className="tabular-nums">
                {t('my.documents.servedAt', { time: formatDateTime(document.servedAt) })}
              </Typography.Text>
              {document.receivedAt ? (
                <Typography.Text type="secondary" className="tabular-nums">
                  {t('my.documents.receivedAt', { time: formatDateTime(document.receivedAt) })}
                </Typography.Text>
              ) : (
                <Tag color="warning">{t('my.documents.notReceived')}</Tag>
              )}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
