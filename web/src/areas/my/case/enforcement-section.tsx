import { Card, Col, Descriptions, Flex, List, Row, Typography } from 'antd';
import type { TPartyCase } from '../../../api/party.ts';
import { MoneyText } from '../../../components/money-text.tsx';
import { useI18n } from '../../../i18n/index.ts';

type MoneyLine = TPartyCase['funds']['receipts'][number];

/**
 * What the court has done so far, in summary (a party sees no account numbers or institutions):
 * the online inquiry, the control measures, and the money received and paid out in the case.
 */
export function EnforcementSection({ detail }: { detail: TPartyCase }) {
  const { t, pick } = useI18n();
  const { inquiry, funds } = detail;
  return (
    <Flex vertical gap={16}>
      <section aria-labelledby="my-funds-title">
        <Typography.Title level={2} id="my-funds-title" style={{ fontSize: 16 }}>
          {t('my.funds.title')}
        </Typography.Title>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <Card size="small" title={t('my.funds.received')} data-testid="my-funds-received">
              <Typography.Paragraph style={{ fontSize: 20, margin: 0 }}>
                <MoneyText fen={funds.receivedFen} strong />
              </Typography.Paragraph>
              <MoneyLines lines={funds.receipts} />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('my.funds.paid')} data-testid="my-funds-paid">
              <Typography.Paragraph style={{ fontSize: 20, margin: 0 }}>
                <MoneyText fen={funds.paidFen} strong />
              </Typography.Paragraph>
              <MoneyLines lines={funds.payouts} />
            </Card>
          </Col>
        </Row>
      </section>
      <section aria-labelledby="my-inquiry-title">
        <Typography.Title level={2} id="my-inquiry-title" style={{ fontSize: 16 }}>
          {t('my.inquiry.title')}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          data-testid="my-inquiry"
          items={[
            { key: 'rounds', label: t('my.inquiry.rounds'), children: inquiry.rounds },
            { key: 'last', label: t('my.inquiry.lastOn'), children: inquiry.lastOn ?? '—' },
            {
              key: 'answered',
              label: t('my.inquiry.institutionsAnswered'),
              children: inquiry.institutionsAnswered,
            },
          ]}
        />
      </section>
      <section aria-labelledby="my-measures-title">
        <Typography.Title level={2} id="my-measures-title" style={{ fontSize: 16 }}>
          {t('my.measures.title')}
        </Typography.Title>
        <List
          size="small"
          data-testid="my-measures"
          dataSource={detail.measures}
          locale={{ emptyText: <Typography.Text type="secondary">{t('my.measures.empty')}</Typography.Text> }}
          renderItem={(measure) => (
            <List.Item>
              <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                <Typography.Text>
                  {pick(measure.label) || measure.kind} × {measure.count}
                </Typography.Text>
                {measure.amountFen > 0 ? <MoneyText fen={measure.amountFen} /> : null}
              </Flex>
            </List.Item>
          )}
        />
      </section>
    </Flex>
  );
}

function MoneyLines({ lines }: { lines: MoneyLine[] }) {
  const { t } = useI18n();
  if (lines.length === 0) return <Typography.Text type="secondary">{t('my.funds.none')}</Typography.Text>;
  return (
    <List
      size="small"
      split={false}
      dataSource={lines}
      renderItem={(line) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
            <Typography.Text className="tabular-nums">
              {line.on} {line.label}
            </Typography.Text>
            <MoneyText fen={line.amountFen} />
          </Flex>
        </List.Item>
      )}
    />
  );
}
