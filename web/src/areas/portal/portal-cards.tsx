import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { TPublicEntry, TPublicRestricted } from '../../../../src/modules/disclosure/public-contracts.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';

/** One published entry (失信规定 art. 6): who, what obligation and how much performed, the conduct, the basis. */
export function PortalEntryCard({ item }: { item: TPublicEntry }) {
  const { t, pick } = useI18n();
  const s = item.subject;
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="portal-entry">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {s.name}
        </Typography.Title>
        {s.kind === 'natural' ? (
          <Typography.Text type="secondary">
            {t(`portal.sex.${s.sex}`)} · {t('portal.age', { age: s.age })}
          </Typography.Text>
        ) : null}
        <Tag color="red">{t('portal.tab.dishonest')}</Tag>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          s.kind === 'natural'
            ? {
                key: 'id',
                label: t('portal.idNumber'),
                children: (
                  <span className="tabular-nums" data-testid="portal-id">
                    {s.idNumber}
                  </span>
                ),
              }
            : {
                key: 'code',
                label: t('portal.creditCode'),
                children: <span className="tabular-nums">{s.creditCode ?? '—'}</span>,
              },
          ...(s.kind === 'organisation'
            ? [{ key: 'rep', label: t('portal.legalRepresentative'), children: s.legalRepresentative ?? '—' }]
            : []),
          { key: 'case', label: t('portal.caseNumber'), children: item.caseNumber },
          { key: 'court', label: t('portal.court'), children: item.court },
          {
            key: 'basis',
            label: t('portal.basis'),
            children: `${item.basis.documentNumber} / ${item.basis.issuedBy}`,
          },
          {
            key: 'performance',
            label: t('portal.performance'),
            children: (
              <>
                <MoneyText fen={item.performedFen} /> / <MoneyText fen={item.obligationFen} />
              </>
            ),
          },
          { key: 'conduct', label: t('portal.conduct'), children: pick(item.conduct), span: 2 },
          { key: 'filed', label: t('portal.filedOn'), children: item.filedOn },
          { key: 'listed', label: t('portal.listedOn'), children: item.listedOn },
        ]}
      />
    </Card>
  );
}

/** A person or organisation under a consumption restriction in force. */
export function PortalRestrictedCard({ item }: { item: TPublicRestricted }) {
  const { t, pick } = useI18n();
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="portal-restricted">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {item.name}
        </Typography.Title>
        {/* antd's orange text is 3.3:1 on its background; darkened to 5.6:1 (WCAG 2.1 AA). */}
        <Tag color="orange" style={{ color: '#ad4e00' }}>
          {pick(item.roleLabel)}
        </Tag>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          item.idNumber
            ? {
                key: 'id',
                label: t('portal.idNumber'),
                children: <span className="tabular-nums">{item.idNumber}</span>,
              }
            : {
                key: 'code',
                label: t('portal.creditCode'),
                children: <span className="tabular-nums">{item.creditCode ?? '—'}</span>,
              },
          { key: 'debtor', label: t('portal.debtor'), children: item.debtorName },
          { key: 'case', label: t('portal.caseNumber'), children: item.caseNumber },
          { key: 'court', label: t('portal.court'), children: item.court },
          { key: 'from', label: t('portal.restrictedFrom'), children: item.restrictedFrom },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('portal.behaviours')}：{item.behaviours.map((b) => `（${b.item}）${pick(b)}`).join('；')}
      </Typography.Paragraph>
    </Card>
  );
}
