import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TCaseListItem, TCaseSort } from '../../../../../src/modules/cases/contracts.ts';
import { useCaseList } from '../../../api/cases.ts';
import { canFileCases, isTeamRole, useCurrentUser } from '../../../app/current-user.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { BatchInquiryModal } from '../batch-inquiry/batch-inquiry-modal.tsx';
import {
  type CaseListPatch,
  hasActiveFilters,
  pageSizes,
  patchCaseListSearch,
  readCaseListParams,
} from './case-list-params.ts';
import { CaseListToolbar } from './case-list-toolbar.tsx';
import { useCaseColumns } from './use-case-columns.tsx';

type TableSorter = Parameters<NonNullable<TableProps<TCaseListItem>['onChange']>>[2];

function toSort(sorter: TableSorter): TCaseSort {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (single?.columnKey === 'filedOn' && single.order)
    return single.order === 'ascend' ? 'filedOn' : '-filedOn';
  return 'deadline';
}

/** Did the click land on a link or button inside the row (which handles it itself)? */
function isInteractiveTarget(target: EventTarget): boolean {
  return target instanceof Element && target.closest('a, button, input, label') !== null;
}

export function CaseListPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  // Team members start from their own cases; leaders and the command centre from the whole scope.
  const defaultMine = isTeamRole(user);
  const params = readCaseListParams(searchParams, defaultMine);
  const mayFile = canFileCases(user);
  const courtTitle =
    user.court.level === 'basic' || user.court.level === 'detachedTribunal'
      ? t('workbench.titleCourt')
      : t('workbench.titleJurisdiction');
  const list = useCaseList(params);
  const columns = useCaseColumns(params);
  // 批量勾选: selected cases (across pages) for a batch inquiry.
  const [selected, setSelected] = useState<string[]>([]);
  const [isBatchOpen, setIsBatchOpen] = useState(false);
  const canQuery = isTeamRole(user);

  const update = (patch: CaseListPatch) =>
    setSearchParams(patchCaseListSearch(searchParams, patch, defaultMine));

  if (list.isError && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;

  const emptyText = hasActiveFilters(params) ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.emptyFiltered')}>
      <Button onClick={() => update({ status: '', caseType: '', q: '' })}>
        {t('workbench.clearFilters')}
      </Button>
    </Empty>
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={params.mine ? t('workbench.emptyMine') : t('workbench.emptyCourt')}
    >
      {mayFile ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')}>
          {t('workbench.fileCase')}
        </Button>
      ) : null}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={params.mine ? t('workbench.titleMine') : courtTitle}
        subtitle={user.court.name}
        extra={
          <Space>
            {canQuery && selected.length > 0 ? (
              <>
                <Button onClick={() => setSelected([])}>{t('batch.clear')}</Button>
                <Button
                  icon={<SearchOutlined />}
                  onClick={() => setIsBatchOpen(true)}
                  data-testid="batch-inquiry-button"
                >
                  {t('batch.launch')}（{t('batch.select', { count: selected.length })}）
                </Button>
              </>
            ) : null}
            {mayFile ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/cases/new')}
                data-testid="file-case-button"
              >
                {t('workbench.fileCase')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card styles={{ body: { paddingBottom: 8 } }}>
        <CaseListToolbar
          params={params}
          onChange={update}
          hasOwnCases={defaultMine}
          courtLabel={courtTitle}
        />
        <div data-testid="case-table">
          <Table<TCaseListItem>
            className="clickable-rows"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 1100 }}
            locale={{ emptyText: list.isPending ? ' ' : emptyText }}
            rowSelection={
              canQuery
                ? {
                    selectedRowKeys: selected,
                    preserveSelectedRowKeys: true,
                    onChange: (keys) => setSelected(keys.map(String)),
                  }
                : undefined
            }
            onRow={(item) => ({
              onClick: (event) => {
                if (isInteractiveTarget(event.target)) return;
                navigate(`/cases/${item.id}`);
              },
            })}
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: pageSizes.map(String),
              showTotal: (total) =>
                list.data?.isTotalCapped
                  ? t('workbench.totalCapped', { total })
                  : t('workbench.total', { total }),
            }}
            onChange={(pagination, _filters, sorter, extra) => {
              if (extra.action === 'sort') {
                update({ sort: toSort(sorter) });
                return;
              }
              update({
                page: String(pagination.current ?? 1),
                pageSize: String(pagination.pageSize ?? params.pageSize),
              });
            }}
          />
        </div>
      </Card>
      <BatchInquiryModal
        caseIds={selected}
        isOpen={isBatchOpen}
        onClose={() => setIsBatchOpen(false)}
        onDone={() => setSelected([])}
      />
    </>
  );
}
