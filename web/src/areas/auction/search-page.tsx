import { LeftOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Cascader, Col, Empty, Flex, Form, Row, Select, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { yuanToFen } from '../../../../src/kernel/index.ts';
import { isApiError } from '../../api/client.ts';
import { type LotSearch, maxSearchPage, type TLotState, useLotSearch } from '../../api/disposal.ts';
import { describeError } from '../../components/error-text.ts';
import { YuanInput } from '../../components/yuan-input.tsx';
import { useI18n } from '../../i18n/index.ts';
import { assetTypeKey, lotAssetTypes, lotStateKey, lotStates } from './labels.ts';
import { LotCard } from './lot-card.tsx';
import { type Region, regionPath, regions } from './regions.ts';
import { useDocumentTitle } from './use-document-title.ts';

/** A Cascader option of a region. */
type RegionOption = { value: string; label: string; children?: RegionOption[] };

type Filters = {
  region?: string[];
  type?: string;
  state?: TLotState;
  minYuan?: string;
  maxYuan?: string;
};

function readFen(value: string | null): number | undefined {
  return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** The search as the URL holds it (the API's own parameter names); anything malformed is dropped. */
function readSearch(params: URLSearchParams): LotSearch {
  const region = params.get('region') ?? '';
  const type = params.get('type') ?? '';
  const min = readFen(params.get('minPriceFen'));
  const max = readFen(params.get('maxPriceFen'));
  const state = lotStates.find((s) => s === params.get('state'));
  const page = Number(params.get('page'));
  return {
    ...(/^\d{2,6}$/.test(region) ? { region } : {}),
    ...(/^[a-zA-Z]{1,30}$/.test(type) ? { type } : {}),
    ...(min !== undefined ? { minPriceFen: min } : {}),
    ...(max !== undefined ? { maxPriceFen: max } : {}),
    ...(state ? { state } : {}),
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, maxSearchPage) : 1,
  };
}

const fenToYuan = (fen: number | undefined) =>
  fen === undefined ? undefined : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** 拍品搜索: by region, asset type, price and state; the server answers at most 50 pages. */
export function SearchPage() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  useDocumentTitle(t('auction.brand'));
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const query = useLotSearch(search);
  const [form] = Form.useForm<Filters>();
  const paramsKey = params.toString();

  // The form shows what the URL searches for (after back and forward too).
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read when the URL's query changes
  useEffect(() => {
    const s = readSearch(new URLSearchParams(paramsKey));
    form.setFieldsValue({
      region: regionPath(s.region),
      type: s.type,
      state: s.state,
      minYuan: fenToYuan(s.minPriceFen),
      maxYuan: fenToYuan(s.maxPriceFen),
    });
  }, [paramsKey]);

  const go = (next: LotSearch) => {
    const out = new URLSearchParams();
    if (next.region) out.set('region', next.region);
    if (next.type) out.set('type', next.type);
    if (next.state) out.set('state', next.state);
    if (next.minPriceFen !== undefined) out.set('minPriceFen', String(next.minPriceFen));
    if (next.maxPriceFen !== undefined) out.set('maxPriceFen', String(next.maxPriceFen));
    if (next.page > 1) out.set('page', String(next.page));
    setParams(out);
  };

  const handleFinish = (values: Filters) => {
    const min = yuanToFen(values.minYuan ?? null);
    const max = yuanToFen(values.maxYuan ?? null);
    go({
      region: values.region?.at(-1),
      type: values.type,
      state: values.state,
      ...(min !== null ? { minPriceFen: min } : {}),
      ...(max !== null ? { maxPriceFen: max } : {}),
      page: 1,
    });
  };

  const toOptions = (list: Region[]): RegionOption[] =>
    list.map((r) => ({
      value: r.code,
      label: pick(r.label),
      ...(r.children ? { children: toOptions(r.children) } : {}),
    }));

  const error = query.error;
  const errorText = error
    ? isApiError(error) && error.status === 429
      ? t('auction.tooMany')
      : describeError(error, i18n)
    : null;
  const data = query.data;
  const isCapped = data?.hasMore === true && search.page >= maxSearchPage;

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 4 }} data-testid="auction-title">
          {t('auction.search.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('auction.search.intro')}</Typography.Text>
      </div>
      <Card size="small">
        <Form<Filters> form={form} layout="vertical" onFinish={handleFinish} data-testid="auction-filters">
          <Row gutter={12}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="region" label={t('auction.filter.region')} style={{ marginBottom: 12 }}>
                <Cascader
                  options={toOptions(regions)}
                  changeOnSelect
                  allowClear
                  placeholder={t('auction.filter.any')}
                  data-testid="filter-region"
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="type" label={t('auction.filter.type')} style={{ marginBottom: 12 }}>
                <Select
                  allowClear
                  placeholder={t('auction.filter.any')}
                  data-testid="filter-type"
                  options={lotAssetTypes.map((type) => {
                    const key = assetTypeKey(type);
                    return { value: type, label: key ? t(key) : type };
                  })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="state" label={t('auction.filter.state')} style={{ marginBottom: 12 }}>
                <Select<TLotState>
                  allowClear
                  placeholder={t('auction.filter.any')}
                  data-testid="filter-state"
                  options={lotStates.map((state) => ({ value: state, label: t(lotStateKey(state)) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={3}>
              <Form.Item name="minYuan" label={t('auction.filter.minPrice')} style={{ marginBottom: 12 }}>
                <YuanInput min="0" testId="filter-min" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={3}>
              <Form.Item name="maxYuan" label={t('auction.filter.maxPrice')} style={{ marginBottom: 12 }}>
                <YuanInput min="0" testId="filter-max" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item label=" " colon={false} style={{ marginBottom: 12 }}>
                <Flex gap={8}>
                  <Button
                    type="primary"
                    htmlType="submit"
                    icon={<SearchOutlined />}
                    data-testid="filter-submit"
                    block
                  >
                    {t('auction.filter.submit')}
                  </Button>
                  <Button onClick={() => go({ page: 1 })}>{t('auction.filter.reset')}</Button>
                </Flex>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <section
        aria-label={t('auction.results.label')}
        aria-busy={query.isFetching}
        data-testid="auction-results"
      >
        {errorText ? <Alert type="warning" showIcon title={errorText} /> : null}
        {query.isPending ? <Spin style={{ display: 'block', margin: 32 }} /> : null}
        {data && data.items.length === 0 ? (
          <Empty style={{ marginTop: 24 }} description={t('auction.results.none')} />
        ) : null}
        {data && data.items.length > 0 ? (
          <Row gutter={[16, 16]}>
            {data.items.map((lot) => (
              <Col key={lot.id} xs={24} sm={12} lg={8} xl={6}>
                <LotCard lot={lot} />
              </Col>
            ))}
          </Row>
        ) : null}
        {data && (search.page > 1 || data.hasMore) ? (
          <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
            <Flex align="center" gap={12}>
              <Button
                icon={<LeftOutlined />}
                disabled={search.page <= 1}
                onClick={() => go({ ...search, page: search.page - 1 })}
                data-testid="results-prev"
              >
                {t('auction.results.prev')}
              </Button>
              <Typography.Text className="tabular-nums">
                {t('auction.results.page', { page: search.page })}
              </Typography.Text>
              <Button
                icon={<RightOutlined />}
                iconPlacement="end"
                disabled={!data.hasMore || search.page >= maxSearchPage}
                onClick={() => go({ ...search, page: search.page + 1 })}
                data-testid="results-next"
              >
                {t('auction.results.next')}
              </Button>
            </Flex>
            {isCapped ? (
              <Typography.Text type="secondary">
                {t('auction.results.capped', { pages: maxSearchPage })}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
      </section>
    </Flex>
  );
}
