import {
  DownloadOutlined,
  EyeOutlined,
  FileTextOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { type TPartyDocument, useOpenPartyDocument, usePartyDocuments } from '../../../api/documents.ts';
import { describeError } from '../../../components/error-text.ts';
import { QueryError } from '../../../components/query-error.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { openTab, saveFile, showFile } from '../../../lib/save-file.ts';

/**
 * The documents served on the person, each to view or download as PDF — the first opening is
 * the time of receipt (电子送达) — and to verify on the public portal by its code.
 */
export function DocumentsSection({ caseId }: { caseId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const documents = usePartyDocuments(caseId);
  const open = useOpenPartyDocument(caseId);

  if (documents.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (documents.isError) return <QueryError error={documents.error} onRetry={() => documents.refetch()} />;

  const handleOpen = (document: TPartyDocument, isView: boolean) => {
    // A tab opened now, while the tap still counts as the person's (a popup blocker would stop a later one).
    const tab = isView ? openTab() : null;
    open.mutate(document, {
      onSuccess: (file) => (isView ? showFile(tab, file) : saveFile(file)),
      onError: (error) => {
        tab?.close();
        message.error(describeError(error, i18n));
      },
    });
  };
  const isOpening = (document: TPartyDocument) => open.isPending && open.variables?.id === document.id;

  return (
    <Flex vertical gap={12} data-testid="my-documents">
      {documents.data.items.length === 0 ? (
        <Empty description={t('my.documents.empty')} />
      ) : (
        <Typography.Text type="secondary">{t('my.documents.receiptHint')}</Typography.Text>
      )}
      {documents.data.items.map((document) => (
        <Card
          key={document.id}
          size="small"
          data-testid="my-document"
          data-received={document.receivedAt !== null}
        >
          <Flex vertical gap={8}>
            <Flex gap={8} align="center" wrap>
              <FileTextOutlined aria-hidden />
              <Typography.Text strong>{document.title}</Typography.Text>
              <Typography.Text type="secondary" className="tabular-nums">
                {t('my.documents.number', { number: document.number })} · {document.issuedOn}
              </Typography.Text>
            </Flex>
            <Flex gap={12} align="center" wrap>
              <Typography.Text type="secondary" className="tabular-nums">
                {t('my.documents.servedAt', { time: formatDateTime(document.servedAt) })}
              </Typography.Text>
              {document.receivedAt ? (
                <Typography.Text type="success" className="tabular-nums" data-testid="my-document-received">
                  {t('my.documents.receivedAt', { time: formatDateTime(document.receivedAt) })}
                </Typography.Text>
              ) : (
                <Tag color="warning">{t('my.documents.notReceived')}</Tag>
              )}
            </Flex>
            <Flex gap={8} wrap>
              <Button
                type="primary"
                icon={<EyeOutlined />}
                loading={isOpening(document)}
                aria-label={t('my.documents.viewLabel', { title: document.title })}
                onClick={() => handleOpen(document, true)}
                data-testid="my-document-view"
              >
                {t('my.documents.view')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={isOpening(document)}
                aria-label={t('my.documents.downloadLabel', { title: document.title })}
                onClick={() => handleOpen(document, false)}
                data-testid="my-document-download"
              >
                {t('my.documents.download')}
              </Button>
              <Button
                type="link"
                href={`/portal/verify/${encodeURIComponent(document.id)}`}
                target="_blank"
                icon={<SafetyCertificateOutlined />}
              >
                {t('my.documents.verify')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
