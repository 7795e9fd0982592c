import { Alert, Badge, Empty, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import { isProofOfWorkRequired, type useRespondentSearch } from '../../api/public-search.ts';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { canProveWork } from '../../lib/proof-of-work.ts';
import { PortalEntryCard, PortalRestrictedCard } from './portal-cards.tsx';
import { PortalCaseCard, PortalTerminatedCard } from './portal-case-cards.tsx';

type Search = ReturnType<typeof useRespondentSearch>;

/** The four sections about one respondent, each with its own empty state. */
export function RespondentResults({ search, isProving }: { search: Search; isProving: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (search.isFetching && !search.data) {
    return (
      <Flex justify="center" align="center" gap={12} style={{ margin: 32 }} role="status">
        <Spin />
        <Typography.Text>{t(isProving ? 'disclosure.search.proving' : 'common.loading')}</Typography.Text>
      </Flex>
    );
  }
  if (search.error) {
    const error = search.error;
    const text =
      !canProveWork() && isProofOfWorkRequired(error)
        ? t('disclosure.search.noCrypto')
        : isApiError(error) && error.status === 429
          ? t('portal.tooMany')
          : describeError(error, i18n);
    return <Alert type="warning" showIcon role="alert" style={{ marginTop: 16 }} title={text} />;
  }
  const data = search.data;
  if (!data) return null;
  return (
    <Flex
      vertical
      gap={8}
      style={{ marginTop: 16 }}
      data-testid="portal-respondent-results"
      aria-live="polite"
    >
      <Section title={t('disclosure.section.cases')} count={data.cases.length} testId="portal-section-cases">
        {data.cases.map((item) => (
          <PortalCaseCard key={item.caseNumber} item={item} />
        ))}
      </Section>
      <Section
        title={t('disclosure.section.dishonest')}
        count={data.dishonest.length}
        testId="portal-section-dishonest"
      >
        {data.dishonest.map((item) => (
          <PortalEntryCard key={item.reference} item={item} />
        ))}
      </Section>
      <Section
        title={t('disclosure.section.restrictions')}
        count={data.restrictions.length}
        testId="portal-section-restrictions"
      >
        {data.restrictions.map((item) => (
          <PortalRestrictedCard key={item.reference} item={item} />
        ))}
      </Section>
      <Section
        title={t('disclosure.section.terminated')}
        count={data.terminated.length}
        testId="portal-section-terminated"
      >
        {data.terminated.map((item) => (
          <PortalTerminatedCard key={item.caseNumber} item={item} />
        ))}
      </Section>
    </Flex>
  );
}

function Section({
  title,
  count,
  testId,
  children,
}: {
  title: string;
  count: number;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = `${testId}-title`;
  return (
    <section aria-labelledby={headingId} data-testid={testId} style={{ marginTop: 8 }}>
      <Flex align="center" gap={8}>
        <Typography.Title level={3} id={headingId} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
        <Badge
          count={count}
          showZero
          color={count > 0 ? '#c8102e' : '#56657a'}
          aria-label={t('portal.total', { total: count })}
        />
      </Flex>
      {count === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('disclosure.section.none')}
          style={{ margin: '8px 0' }}
        />
      ) : (
        children
      )}
    </section>
  );
}
