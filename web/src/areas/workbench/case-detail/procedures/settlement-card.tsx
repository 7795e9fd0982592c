import { DollarOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type {
  TInstalment,
  TInstalmentStatus,
  TSettlement,
  TSettlementStatus,
} from '../../../../api/procedures.ts';
import { MoneyText } from '../../../../components/money-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';

const statusColor: Record<TSettlementStatus, string> = {
  active: 'processing',
  defaulted: 'error',
  performed: 'success',
};

const instalmentColor: Record<TInstalmentStatus, string> = {
  pending: 'default',
  paid: 'success',
  overdue: 'error',
};

type SettlementCardProps = {
  settlement: TSettlement;
  canHandle: boolean;
  onPay: (settlement: TSettlement) => void;
  onDefault: (settlement: TSettlement) => void;
};

/** One settlement: its terms, instalments with their status, payments, and what may follow. */
export function SettlementCard({ settlement: s, canHandle, onPay, onDefault }: SettlementCardProps) {
  const { t, pick } = useI18n();
  const isActive = s.status === 'active';
  return (
    <Card
      size="small"
      data-testid="settlement"
      data-status={s.status}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('settlement.tab')}</span>
          <Tag color={statusColor[s.status]} data-testid="settlement-status">
            {pick(s.statusLabel)}
          </Tag>
        </Flex>
      }
      extra={
        canHandle && isActive ? (
          <Flex gap={8}>
            <Button
              size="small"
              icon={<DollarOutlined />}
              onClick={() => onPay(s)}
              data-testid="settlement-pay"
            >
              {t('settlement.recordPayment')}
            </Button>
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              onClick={() => onDefault(s)}
              data-testid="settlement-default"
            >
              {t('settlement.default')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {isActive && s.mayRestore ? (
          <Alert type="warning" showIcon title={t('settlement.mayRestore')} />
        ) : null}
        {s.status === 'performed' ? (
          <Alert type="success" showIcon title={t('settlement.performed')} />
        ) : null}
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s.terms}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'total', label: t('settlement.amount'), children: <MoneyText fen={s.totalFen} strong /> },
            {
              key: 'paid',
              label: t('settlement.paid'),
              children: <MoneyText fen={s.paidFen} type="success" />,
            },
            {
              key: 'left',
              label: t('settlement.outstanding'),
              children: <MoneyText fen={s.outstandingFen} />,
            },
          ]}
        />
        <Table<TInstalment>
          rowKey="position"
          size="small"
          pagination={false}
          dataSource={s.instalments}
          data-testid="settlement-instalments"
          columns={[
            {
              key: 'position',
              title: t('settlement.instalments'),
              render: (_, i) => t('settlement.instalment', { n: i.position + 1 }),
            },
            {
              key: 'dueDate',
              title: t('settlement.dueDate'),
              render: (_, i) => <span className="tabular-nums">{i.dueDate}</span>,
            },
            {
              key: 'amount',
              title: t('settlement.amount'),
              render: (_, i) => <MoneyText fen={i.amountFen} />,
            },
            { key: 'paid', title: t('settlement.paid'), render: (_, i) => <MoneyText fen={i.paidFen} /> },
            {
              key: 'status',
              title: t('settlement.status'),
              render: (_, i) => (
                <Tag color={instalmentColor[i.status]} data-testid="instalment-status" data-status={i.status}>
                  {t(`settlement.instalmentStatus.${i.status}`)}
                </Tag>
              ),
            },
          ]}
        />
        {s.payments.length > 0 ? (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            title={() => t('settlement.payments')}
            dataSource={s.payments}
            columns={[
              {
                key: 'paidOn',
                title: t('settlement.paidOn'),
                render: (_, p) => <span className="tabular-nums">{p.paidOn}</span>,
              },
              {
                key: 'amount',
                title: t('settlement.amount'),
                render: (_, p) => <MoneyText fen={p.amountFen} />,
              },
              { key: 'note', title: t('settlement.paymentNote'), dataIndex: 'note' },
              { key: 'by', title: t('settlement.recordedBy'), dataIndex: 'recordedBy' },
            ]}
          />
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tabular-nums">
          {t('settlement.createdBy', { name: s.createdBy, time: formatDateTime(s.createdAt) })}
          {' · '}
          {t('settlement.limitation', { date: s.limitationEndsOn })}
          {s.endedOn ? ` · ${t('settlement.endedOn', { date: s.endedOn, name: s.endedBy ?? '' })}` : ''}
          {s.endNote ? ` · ${s.endNote}` : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
