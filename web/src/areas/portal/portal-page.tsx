import {
  Alert,
  Button,
  Card,
  ConfigProvider,
  Empty,
  Flex,
  Input,
  Layout,
  Pagination,
  Spin,
  Tabs,
  Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { type PublicList, usePublicSearch } from '../../api/portal.ts';
import { publicTheme } from '../../app/theme.ts';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { PortalEntryCard, PortalRestrictedCard } from './portal-cards.tsx';
import { PortalTerminatedCard } from './portal-case-cards.tsx';
import { PortalHeader } from './portal-header.tsx';
import { RespondentSearch } from './respondent-search.tsx';

const lists: readonly PublicList[] = ['dishonest', 'consumption-restrictions', 'terminated'];

function readList(value: string | null): PublicList {
  return lists.find((list) => list === value) ?? 'dishonest';
}

/**
 * The public portal (执行信息公开), no sign-in: one respondent searched by name with an ID number
 * or credit code (open cases, dishonest entries, restrictions, 终本 cases); and the dishonest list,
 * the consumption-restricted and the 终本 cases, searched by name, ID number or credit code
 * (失信规定 art. 6). The server masks ID numbers, shows only published entries and limits each
 * address's searches.
 */
export function PortalPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = useSearchParams();
  const list = readList(search.get('list'));
  const q = search.get('q') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const dishonest = usePublicSearch('dishonest', list === 'dishonest' ? q : '', page);
  const restricted = usePublicSearch(
    'consumption-restrictions',
    list === 'consumption-restrictions' ? q : '',
    page,
  );
  const terminated = usePublicSearch('terminated', list === 'terminated' ? q : '', page);
  const query = list === 'dishonest' ? dishonest : list === 'terminated' ? terminated : restricted;
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next);
  };
  const error = query.error;
  const errorText = error
    ? isApiError(error) && error.status === 429
      ? t('portal.tooMany')
      : describeError(error, i18n)
    : null;

  return (
    <ConfigProvider theme={publicTheme}>
      <Layout style={{ minHeight: '100vh' }}>
        <PortalHeader mainId="portal-main" />
        <Layout.Content id="portal-main" className="public-main" tabIndex={-1}>
          <Typography.Title level={1} data-testid="portal-title" style={{ fontSize: 28, marginBottom: 4 }}>
            {t('portal.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('portal.intro')}</Typography.Paragraph>
          <RespondentSearch />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            {t('disclosure.lists.title')}
          </Typography.Title>
          <Card>
            <Tabs
              activeKey={list}
              onChange={(key) => update({ list: key === 'dishonest' ? '' : key, page: '' })}
              items={[
                { key: 'dishonest', label: t('portal.tab.dishonest') },
                { key: 'consumption-restrictions', label: t('portal.tab.restricted') },
                { key: 'terminated', label: t('disclosure.tab.terminated') },
              ]}
            />
            <Input.Search
              key={list}
              size="large"
              enterButton={t('portal.search')}
              defaultValue={q}
              placeholder={t(
                list === 'terminated' ? 'disclosure.terminatedPlaceholder' : 'portal.searchPlaceholder',
              )}
              maxLength={100}
              allowClear
              onSearch={(value) => update({ q: value.trim(), page: '' })}
              data-testid="portal-search"
            />
          </Card>
          <div style={{ marginTop: 16 }} data-testid="portal-results">
            {errorText ? <Alert type="warning" showIcon title={errorText} /> : null}
            {query.isFetching && !query.data ? <Spin style={{ display: 'block', margin: 32 }} /> : null}
            {q && query.data && !error ? (
              <>
                <Typography.Text type="secondary">
                  {t('portal.total', { total: query.data.total })}
                </Typography.Text>
                {query.data.total === 0 ? (
                  <Empty style={{ marginTop: 24 }} description={t('portal.none')} />
                ) : null}
                {list === 'dishonest'
                  ? dishonest.data?.items.map((item) => <PortalEntryCard key={item.reference} item={item} />)
                  : null}
                {list === 'consumption-restrictions'
                  ? restricted.data?.items.map((item) => (
                      <PortalRestrictedCard key={item.reference} item={item} />
                    ))
                  : null}
                {list === 'terminated'
                  ? terminated.data?.items.map((item) => (
                      <PortalTerminatedCard key={item.caseNumber} item={item} />
                    ))
                  : null}
                {query.data.total > query.data.pageSize ? (
                  <Pagination
                    style={{ marginTop: 16, textAlign: 'center' }}
                    current={query.data.page}
                    pageSize={query.data.pageSize}
                    total={Math.min(query.data.total, query.data.pageSize * 20)}
                    showSizeChanger={false}
                    onChange={(p) => update({ page: String(p) })}
                  />
                ) : null}
              </>
            ) : null}
            {!q ? (
              <Flex justify="center" style={{ marginTop: 32 }}>
                <Link to="/login">
                  <Button type="link">{t('portal.officerSignIn')}</Button>
                </Link>
              </Flex>
            ) : null}
          </div>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
