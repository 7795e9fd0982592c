import {
  FilePdfOutlined,
  FileWordOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { isApiError } from '../../../../api/client.ts';
import {
  fetchDocumentFile,
  type TDocument,
  type TDocumentFormat,
  useSealDocument,
} from '../../../../api/documents.ts';
import { describeError } from '../../../../components/error-text.ts';
import { HashText } from '../../../../components/hash-text.tsx';
import { useI18n } from '../../../../i18n/index.ts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { useFileDownload } from '../../../../lib/use-file-download.ts';
import { ServicesList } from './services-list.tsx';

type DocumentsTableProps = {
  caseId: string;
  documents: TDocument[];
  canSeal: boolean;
  canServe: boolean;
  onServe: (document: TDocument) => void;
};

/** The case's documents, newest last as issued: status, hash, who, the files, seal and service. */
export function DocumentsTable({ caseId, documents, canSeal, canServe, onServe }: DocumentsTableProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { message } = App.useApp();
  const seal = useSealDocument(caseId);
  const { download, pendingKey } = useFileDownload();

  const handleSeal = (document: TDocument) =>
    seal.mutate(document.id, {
      onSuccess: () => message.success(t('documents.sealDone')),
      onError: (error) =>
        message.error(
          isApiError(error) && error.status === 403
            ? t('documents.sealForbidden')
            : describeError(error, i18n),
        ),
    });
  const fileButton = (document: TDocument, format: TDocumentFormat) => {
    const key = `${document.id}:${format}`;
    const label = t(format === 'docx' ? 'documents.downloadWord' : 'documents.downloadPdf', {
      title: document.title,
    });
    return (
      <Button
        size="small"
        icon={format === 'docx' ? <FileWordOutlined /> : <FilePdfOutlined />}
        aria-label={label}
        title={label}
        loading={pendingKey === key}
        onClick={() => download(key, () => fetchDocumentFile(document, format))}
        data-testid={`document-download-${format}`}
      >
        {t(format === 'docx' ? 'documents.word' : 'documents.pdf')}
      </Button>
    );
  };

  return (
    <Table<TDocument>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 1040 }}
      // Each document's services show beneath it.
      expandable={{
        showExpandColumn: false,
        expandedRowKeys: documents.filter((d) => d.services.length > 0).map((d) => d.id),
        expandedRowRender: (d) => (
          <Flex gap={12} align="start" style={{ paddingInlineStart: 8 }}>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {t('documents.services')}
            </Typography.Text>
            <ServicesList services={d.services} />
          </Flex>
        ),
      }}
      dataSource={documents}
      locale={{ emptyText: t('documents.empty') }}
      onRow={(document): HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> => ({
        'data-testid': 'document-row',
        'data-template': document.template,
        'data-document-id': document.id,
      })}
      columns={[
        {
          key: 'title',
          title: t('documents.title'),
          width: 230,
          render: (_, d) => (
            <Flex vertical>
              <Typography.Text strong data-testid="document-title">
                {d.title}
              </Typography.Text>
              {d.title !== pick(d.label) ? (
                <Typography.Text type="secondary">{pick(d.label)}</Typography.Text>
              ) : null}
              <Typography.Text type="secondary" className="tabular-nums" data-testid="document-number">
                {d.number}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'issuedOn',
          title: t('documents.issuedOn'),
          width: 110,
          render: (_, d) => <span className="tabular-nums">{d.issuedOn}</span>,
        },
        {
          key: 'status',
          title: t('documents.status'),
          width: 170,
          render: (_, d) =>
            d.sealed ? (
              <Flex vertical gap={2}>
                <Tag
                  color="red"
                  icon={<SafetyCertificateOutlined />}
                  data-testid="document-status"
                  data-sealed="true"
                >
                  {t('documents.sealed')}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tabular-nums">
                  {t('documents.sealedBy', {
                    name: d.sealedByName ?? '',
                    time: formatDateTime(d.sealedAt),
                  })}
                </Typography.Text>
              </Flex>
            ) : (
              <Tag data-testid="document-status" data-sealed="false">
                {t('documents.draft')}
              </Tag>
            ),
        },
        {
          key: 'sha256',
          title: t('documents.sha256'),
          width: 190,
          render: (_, d) => <HashText value={d.sha256} isShort testId="document-sha256" />,
        },
        {
          key: 'createdBy',
          title: t('documents.createdBy'),
          width: 140,
          render: (_, d) => (
            <Flex vertical>
              <span>{d.createdByName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tabular-nums">
                {formatDateTime(d.createdAt)}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 200,
          render: (_, d) => (
            <Flex gap={6} wrap>
              {fileButton(d, 'docx')}
              {fileButton(d, 'pdf')}
              {canSeal && !d.sealed ? (
                <Popconfirm
                  title={t('documents.sealConfirm')}
                  okText={t('documents.seal')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => handleSeal(d)}
                >
                  <Button
                    size="small"
                    type="primary"
                    danger
                    icon={<SafetyCertificateOutlined />}
                    loading={seal.isPending && seal.variables === d.id}
                    data-testid="document-seal"
                  >
                    {t('documents.seal')}
                  </Button>
                </Popconfirm>
              ) : null}
              {canServe ? (
                <Tooltip title={d.sealed ? undefined : t('documents.serveNeedsSeal')}>
                  <Button
                    size="small"
                    icon={<SendOutlined />}
                    disabled={!d.sealed}
                    onClick={() => onServe(d)}
                    data-testid="document-serve"
                  >
                    {t('documents.serve')}
                  </Button>
                </Tooltip>
              ) : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}
