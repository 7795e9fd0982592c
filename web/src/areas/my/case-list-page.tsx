import { RightOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { type TPartyCaseSummary, usePartyCases } from '../../api/party.ts';
import { PageSpin } from '../../app/page-spin.tsx';
import { MoneyText } from '../../components/money-text.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useDocumentTitle } from './use-document-title.ts';

/** The cases in which the person signed in is a party (or, for a lawyer, represents one). */
export function CaseListPage() {
  const { t } = useI18n();
  useDocumentTitle(t('my.cases.title'));
  const query = usePartyCases();
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('my.cases.title')}
      </Typography.Title>
      {query.data.items.length === 0 ? (
        <Card>
          <Empty description={t('my.cases.empty')} />
        </Card>
      ) : (
        <ul className="my-case-list" data-testid="my-case-list">
          {query.data.items.map((item) => (
            <li key={item.id}>
              <CaseCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

function CaseCard({ item }: { item: TPartyCaseSummary }) {
  const { t, pick } = useI18n();
  const latest = [...item.nodes].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))[0];
  return (
    <Card size="small" data-testid="my-case-card">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Link to={`/my/cases/${item.id}`} className="tabular-nums" style={{ fontSize: 16, fontWeight: 600 }}>
          {item.caseNumber}
          <RightOutlined aria-hidden style={{ fontSize: 12, marginInlineStart: 6 }} />
        </Link>
        <Flex gap={4}>
          <Tag color={item.status === 'closed' ? 'default' : 'processing'}>{pick(item.statusLabel)}</Tag>
          <Tag>{t(`my.role.${item.role}`)}</Tag>
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'court', label: t('my.case.court'), children: item.court },
          {
            key: 'filed',
            label: t('my.case.filedOn'),
            children: <span className="tabular-nums">{item.filedOn}</span>,
          },
          { key: 'claim', label: t('my.case.claim'), children: <MoneyText fen={item.claimFen} /> },
          {
            key: 'latest',
            label: t('my.case.latest'),
            children: latest ? `${latest.occurredOn} ${pick(latest.label)}` : '—',
          },
        ]}
      />
    </Card>
  );
}
