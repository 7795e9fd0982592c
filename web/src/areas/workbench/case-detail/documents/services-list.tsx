import { Flex, Tag, Typography } from 'antd';
import type { TService } from '../../../../api/documents.ts';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { serviceMethodKey } from './labels.ts';

/** Each service of a document: on whom, how, when served and when received (or not yet). */
export function ServicesList({ services }: { services: TService[] }) {
  const { t } = useI18n();
  if (services.length === 0)
    return <Typography.Text type="secondary">{t('documents.noServices')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="document-services">
      {services.map((s) => (
        <Flex
          key={s.id}
          gap={8}
          align="center"
          wrap
          data-testid="document-service"
          data-received={s.receivedAt !== null}
        >
          <Typography.Text strong>{s.partyName}</Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{t(serviceMethodKey(s.method))}</Tag>
          {s.trackingNumber ? (
            <Typography.Text type="secondary" className="tabular-nums">
              {s.trackingNumber}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary" className="tabular-nums">
            {t('documents.servedAt', { time: formatDateTime(s.servedAt) })}
          </Typography.Text>
          {s.receivedAt ? (
            <Typography.Text type="success" className="tabular-nums" data-testid="document-service-received">
              {t('documents.receivedAt', { time: formatDateTime(s.receivedAt) })}
            </Typography.Text>
          ) : (
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {t('documents.notReceived')}
            </Tag>
          )}
          {s.note ? <Typography.Text type="secondary">{s.note}</Typography.Text> : null}
        </Flex>
      ))}
    </Flex>
  );
}
