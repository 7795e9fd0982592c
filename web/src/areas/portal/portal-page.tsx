import { Alert, Button, Card, Empty, Flex, Input, Layout, Pagination, Spin, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { type PublicList, usePublicSearch } from '../../api/portal.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { describeError } from '../../components/error-text.ts';
import { useI18n } from '../../i18n/index.ts';
import { transparencyMessages } from '../../i18n/messages/transparency.ts';
import { PortalEntryCard, PortalRestrictedCard } from './portal-cards.tsx';

/**
 * The public portal (执行信息公开), no sign-in: the dishonest list and the consumption-restricted,
 * searched by name, ID number or credit code (失信规定 art. 6). The server masks ID numbers, shows
 * only published entries and limits each address's searches.
 */
export function PortalPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [search, setSearch] = useSearchParams();
  const list: PublicList =
    search.get('list') === 'consumption-restrictions' ? 'consumption-restrictions' : 'dishonest';
  const q = search.get('q') ?? '';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const dishonest = usePublicSearch('dishonest', list === 'dishonest' ? q : '', page);
  const restricted = usePublicSearch(
    'consumption-restrictions',
    list === 'consumption-restrictions' ? q : '',
    page,
  );
  const query = list === 'dishonest' ? dishonest : restricted;
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
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#10233f' }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Flex align="center" gap={10}>
            <span className="app-logo-mark">执</span>
            <Typography.Text style={{ color: '#fff', fontSize: 16 }} strong>
              {t('portal.brand')}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={16}>
            <Link
              to="/portal/transparency"
              style={{ color: '#c9d6ea' }}
              data-testid="portal-transparency-link"
            >
              {i18n.pick(transparencyMessages['transparency.link'])}
            </Link>
            <Link to="/login" style={{ color: '#c9d6ea' }}>
              {t('portal.officerSignIn')}
            </Link>
            <LanguageSwitch />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1040, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={2} data-testid="portal-title" style={{ marginBottom: 4 }}>
          {t('portal.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('portal.intro')}</Typography.Paragraph>
        <Card>
          <Tabs
            activeKey={list}
            onChange={(key) => update({ list: key === 'dishonest' ? '' : key, page: '' })}
            items={[
              { key: 'dishonest', label: t('portal.tab.dishonest') },
              { key: 'consumption-restrictions', label: t('portal.tab.restricted') },
            ]}
          />
          <Input.Search
            key={list}
            size="large"
            enterButton={t('portal.search')}
            defaultValue={q}
            placeholder={t('portal.searchPlaceholder')}
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
                : restricted.data?.items.map((item) => (
                    <PortalRestrictedCard key={item.reference} item={item} />
                  ))}
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
  );
}
