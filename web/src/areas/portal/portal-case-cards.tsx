import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { TPublicCase, TPublicTerminated } from '../../api/public-search.ts';
import { MoneyText } from '../../components/money-text.tsx';
import { useI18n } from '../../i18n/index.ts';

function identityItem(item: TPublicCase, t: ReturnType<typeof useI18n>['t']) {
  return item.idNumber
    ? {
        key: 'id',
        label: t('portal.idNumber'),
        children: <span className="tabular-nums">{item.idNumber}</span>,
      }
    : {
        key: 'code',
        label: t('portal.creditCode'),
        children: <span className="tabular-nums">{item.creditCode ?? '—'}</span>,
      };
}

/** An enforcement case open against the respondent: the published fields only. */
export function PortalCaseCard({ item }: { item: TPublicCase }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="portal-case">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0, fontSize: 16 }}>
          {item.respondent}
        </Typography.Title>
        <Tag color="blue">{t('disclosure.section.casesTag')}</Tag>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          identityItem(item, t),
          {
            key: 'case',
            label: t('portal.caseNumber'),
            children: <span className="tabular-nums">{item.caseNumber}</span>,
          },
          { key: 'court', label: t('portal.court'), children: item.court },
          {
            key: 'filed',
            label: t('portal.filedOn'),
            children: <span className="tabular-nums">{item.filedOn}</span>,
          },
          { key: 'claim', label: t('disclosure.claim'), children: <MoneyText fen={item.claimFen} /> },
        ]}
      />
    </Card>
  );
}

/** A case whose round of enforcement was terminated (终本), with the amount left unperformed. */
export function PortalTerminatedCard({ item }: { item: TPublicTerminated }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid="portal-terminated">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0, fontSize: 16 }}>
          {item.respondent}
        </Typography.Title>
        <Tag color="purple">{t('disclosure.section.terminatedTag')}</Tag>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          identityItem(item, t),
          {
            key: 'case',
            label: t('portal.caseNumber'),
            children: <span className="tabular-nums">{item.caseNumber}</span>,
          },
          { key: 'court', label: t('portal.court'), children: item.court },
          {
            key: 'filed',
            label: t('portal.filedOn'),
            children: <span className="tabular-nums">{item.filedOn}</span>,
          },
          {
            key: 'closed',
            label: t('disclosure.closedOn'),
            children: <span className="tabular-nums">{item.closedOn}</span>,
          },
          { key: 'claim', label: t('disclosure.claim'), children: <MoneyText fen={item.claimFen} /> },
          {
            key: 'unperformed',
            label: t('disclosure.unperformed'),
            children: (
              <span data-testid="portal-unperformed">
                <MoneyText fen={item.unperformedFen} strong />
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
