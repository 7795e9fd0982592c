import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import type { TEntryListItem, TEntryState } from '../../../../src/modules/credit/contracts.ts';
import {
  type EntryListParams,
  entryExportUrl,
  entryStates,
  listingGrounds,
  useEntryList,
} from '../../api/credit.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { DatePicker } from '../../components/date-picker.tsx';
import { MoneyText } from '../../components/money-text.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryError } from '../../components/query-error.tsx';
import { useI18n } from '../../i18n/index.ts';

const stateColor: Record<TEntryState, string> = {
  pendingApproval: 'gold',
  listed: 'red',
  refused: 'default',
  deleted: 'green',
  revoked: 'default',
};

function readParams(search: URLSearchParams): EntryListParams {
  const state = entryStates.find((s) => s === search.get('state')) ?? '';
  const ground = Number(search.get('ground'));
  return {
    state,
    ground: listingGrounds.some((g) => g === ground) ? ground : '',
    q: search.get('q') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    overdue: search.get('overdue') === 'true' ? 'true' : '',
    page: Math.max(1, Number(search.get('page')) || 1),
    pageSize: Math.min(200, Math.max(1, Number(search.get('pageSize')) || 20)),
  };
}

/** 失信被执行人名单 of the court and the courts below it, with filters and an Excel export. */
export function CreditEntriesPage() {
  const { t, pick } = useI18n();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const params = readParams(search);
  const list = useEntryList(params);
  const update = (patch: Record<string, string | number>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === '' || value === undefined) next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in patch)) next.delete('page');
    setSearch(next, { replace: true });
  };
  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const { page: _page, pageSize: _size, ...filters } = params;
  return (
    <>
      <PageHeader
        title={t('credit.entries.title')}
        subtitle={user.court.name}
        extra={
          <Button icon={<DownloadOutlined />} href={entryExportUrl(filters)} data-testid="credit-export">
            {t('credit.entries.export')}
          </Button>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={params.q}
            placeholder={t('credit.entries.search')}
            style={{ width: 260 }}
            onSearch={(q) => update({ q })}
          />
          <Select
            style={{ width: 140 }}
            value={params.state}
            onChange={(state) => update({ state })}
            options={[
              { value: '', label: t('credit.entries.allStates') },
              ...entryStates.map((s) => ({ value: s, label: t(`credit.state.${s}`) })),
            ]}
          />
          <Select
            style={{ width: 300 }}
            value={params.ground}
            onChange={(ground) => update({ ground })}
            options={[
              { value: '', label: t('credit.entries.allGrounds') },
              ...listingGrounds.map((g) => ({ value: g, label: t(`credit.ground.${g}`) })),
            ]}
          />
          <DatePicker.RangePicker
            value={params.from && params.to ? [dayjs(params.from), dayjs(params.to)] : null}
            onChange={(range) =>
              update({
                from: range?.[0]?.format('YYYY-MM-DD') ?? '',
                to: range?.[1]?.format('YYYY-MM-DD') ?? '',
              })
            }
          />
          <Checkbox
            checked={params.overdue === 'true'}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : '' })}
          >
            {t('credit.entries.overdue')}
          </Checkbox>
        </Flex>
        <Table<TEntryListItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t('credit.entries.empty') }}
          data-testid="credit-entries-table"
          columns={[
            { key: 'reference', title: t('credit.reference'), dataIndex: 'reference', width: 130 },
            { key: 'name', title: t('credit.respondent'), render: (_, e) => e.name, width: 200 },
            {
              key: 'identifier',
              title: t('portal.idNumber'),
              render: (_, e) => <span className="tabular-nums">{e.idNumber ?? e.creditCode ?? '—'}</span>,
              width: 190,
            },
            {
              key: 'case',
              title: t('credit.entries.case'),
              render: (_, e) => <Link to={`/cases/${e.caseId}?tab=credit`}>{e.caseNumber}</Link>,
              width: 190,
            },
            {
              key: 'ground',
              title: t('credit.ground'),
              render: (_, e) => pick(e.groundLabel),
              ellipsis: true,
            },
            {
              key: 'state',
              title: t('credit.entries.state'),
              width: 130,
              render: (_, e) => (
                <Flex gap={4} wrap>
                  <Tag color={stateColor[e.state]}>{t(`credit.state.${e.state}`)}</Tag>
                  {e.isCreditRepair ? <Tag color="green">{t('credit.repair')}</Tag> : null}
                </Flex>
              ),
            },
            { key: 'requested', title: t('credit.requestedOn'), dataIndex: 'requestedOn', width: 110 },
            {
              key: 'publish',
              title: t('credit.publishFrom'),
              render: (_, e) => e.publishFrom ?? '—',
              width: 110,
            },
            {
              key: 'expires',
              title: t('credit.expiresOn'),
              render: (_, e) => (e.decidedOn ? (e.expiresOn ?? t('credit.noTerm')) : '—'),
              width: 110,
            },
            {
              key: 'performed',
              title: t('credit.entries.performed'),
              width: 220,
              render: (_, e) => (
                <>
                  <MoneyText fen={e.performedFen} /> / <MoneyText fen={e.obligationFen} />
                </>
              ),
            },
            { key: 'court', title: t('credit.entries.court'), dataIndex: 'court', width: 180 },
          ]}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('credit.entries.total', { total }),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
