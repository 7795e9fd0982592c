import { DownloadOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, useMemo } from 'react';
import type { TCaseDetail } from '../../../../../../src/modules/cases/contracts.ts';
import {
  fetchDossierArchive,
  type TDossierEntry,
  type TFieldRecordFile,
  useDossier,
  useFieldRecords,
} from '../../../../api/documents.ts';
import { PageSpin } from '../../../../app/page-spin.tsx';
import { HashText } from '../../../../components/hash-text.tsx';
import { QueryError } from '../../../../components/query-error.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { useFileDownload } from '../../../../lib/use-file-download.ts';
import { accessibleTheme } from './accessible-theme.ts';
import { DossierPhotos, isPhotoName } from './dossier-photos.tsx';
import { dossierKindColor, dossierKindKey } from './labels.ts';

/**
 * 电子卷宗 on the case page: every document version, file and field record in the order filed,
 * each with its full SHA-256, who filed it and when; the photos of field work as thumbnails;
 * and the whole dossier exported as one ZIP with its manifest of hashes.
 */
export function DossierPanel({ detail }: { detail: TCaseDetail }) {
  const { t } = useI18n();
  const dossier = useDossier(detail.id);
  const records = useFieldRecords(detail.id);
  const { download, pendingKey } = useFileDownload();

  // The photos each entry shows: a file entry its own upload, a field record the files it cites.
  const photosOf = useMemo(() => {
    const byUpload = new Map<string, TFieldRecordFile>();
    const byRecord = new Map<string, TFieldRecordFile[]>();
    for (const record of records.data?.items ?? []) {
      for (const file of record.files) byUpload.set(file.id, file);
      byRecord.set(
        record.id,
        record.files.filter((f) => f.mediaType.startsWith('image/')),
      );
    }
    return (entry: TDossierEntry): { id: string; name: string }[] => {
      if (entry.kind === 'fieldRecord')
        return (byRecord.get(entry.refId) ?? []).map((f) => ({ id: f.id, name: f.fileName }));
      if (entry.kind !== 'file') return [];
      const file = byUpload.get(entry.refId);
      const isPhoto = file ? file.mediaType.startsWith('image/') : isPhotoName(entry.title);
      return isPhoto ? [{ id: entry.refId, name: entry.title }] : [];
    };
  }, [records.data]);

  if (dossier.isPending) return <PageSpin />;
  if (dossier.isError) return <QueryError error={dossier.error} onRetry={() => dossier.refetch()} />;

  return (
    <ConfigProvider theme={accessibleTheme}>
      <Flex vertical gap={12} data-testid="dossier-panel">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Paragraph type="secondary" style={{ margin: 0, flex: 1, minWidth: 280 }}>
            {t('dossier.intro')}
          </Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            loading={pendingKey === 'archive'}
            disabled={dossier.data.items.length === 0}
            onClick={() => download('archive', () => fetchDossierArchive(detail.id, detail.caseNumber))}
            data-testid="dossier-export"
          >
            {t('dossier.export')}
          </Button>
        </Flex>
        <Table<TDossierEntry>
          rowKey="seq"
          size="small"
          pagination={false}
          scroll={{ x: 1000 }}
          dataSource={dossier.data.items}
          locale={{ emptyText: t('dossier.empty') }}
          onRow={(entry): HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> => ({
            'data-testid': 'dossier-row',
            'data-kind': entry.kind,
            'data-ref-id': entry.refId,
          })}
          columns={[
            {
              key: 'seq',
              title: t('dossier.seq'),
              width: 64,
              render: (_, e) => <span className="tabular-nums">{e.seq}</span>,
            },
            {
              key: 'kind',
              title: t('dossier.kind'),
              width: 100,
              render: (_, e) => <Tag color={dossierKindColor[e.kind]}>{t(dossierKindKey(e.kind))}</Tag>,
            },
            {
              key: 'title',
              title: t('dossier.title'),
              render: (_, e) => (
                <Flex vertical gap={6}>
                  <Typography.Text data-testid="dossier-title">{e.title}</Typography.Text>
                  <DossierPhotos photos={photosOf(e)} />
                </Flex>
              ),
            },
            {
              key: 'sha256',
              title: t('dossier.sha256'),
              width: 300,
              render: (_, e) => <HashText value={e.sha256} testId="dossier-sha256" />,
            },
            {
              key: 'addedBy',
              title: t('dossier.addedBy'),
              width: 100,
              dataIndex: 'addedByName',
            },
            {
              key: 'addedAt',
              title: t('dossier.addedAt'),
              width: 150,
              render: (_, e) => <span className="tabular-nums">{formatDateTime(e.addedAt)}</span>,
            },
          ]}
        />
      </Flex>
    </ConfigProvider>
  );
}
