import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, Collapse, Descriptions, Typography, theme } from 'antd';
import type { TVerification } from '../../../api/documents.ts';
import { HashText } from '../../../components/hash-text.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';

/**
 * What the court's signature says of a sealed document: the court, the document and its number,
 * when it was sealed, the hashes of its Word and PDF files, and whether the signature checks —
 * green or red — with the signed statement, the signature and the court's public key to check it
 * again elsewhere.
 */
export function VerificationResult({ verification: v }: { verification: TVerification }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const mono = { fontFamily: token.fontFamilyCode, fontSize: token.fontSizeSM };
  return (
    <Card data-testid="verify-result" data-valid={v.valid}>
      <Alert
        type={v.valid ? 'success' : 'error'}
        showIcon
        icon={v.valid ? <CheckCircleFilled /> : <CloseCircleFilled />}
        title={<span data-testid="verify-validity">{t(v.valid ? 'verify.valid' : 'verify.invalid')}</span>}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'court',
            label: t('verify.court'),
            children: <span data-testid="verify-court">{v.court}</span>,
          },
          { key: 'title', label: t('verify.documentTitle'), children: v.title },
          {
            key: 'number',
            label: t('verify.number'),
            children: (
              <span className="tabular-nums" data-testid="verify-number">
                {v.number}
              </span>
            ),
          },
          {
            key: 'sealedAt',
            label: t('verify.sealedAt'),
            children: <span className="tabular-nums">{formatDateTime(v.sealedAt)}</span>,
          },
          {
            key: 'docx',
            label: t('verify.docxHash'),
            children: <HashText value={v.sha256} testId="verify-docx" />,
          },
          {
            key: 'pdf',
            label: t('verify.pdfHash'),
            children: <HashText value={v.pdfSha256} testId="verify-pdf" />,
          },
          { key: 'algorithm', label: t('verify.algorithm'), children: v.algorithm },
          { key: 'code', label: t('verify.code'), children: <span style={mono}>{v.documentId}</span> },
        ]}
      />
      <Collapse
        ghost
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'statement',
            label: t('verify.statement'),
            children: (
              <Typography.Paragraph copyable style={{ ...mono, whiteSpace: 'pre-wrap', margin: 0 }}>
                {v.statement}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'signature',
            label: t('verify.signature'),
            children: (
              <Typography.Paragraph copyable style={{ ...mono, wordBreak: 'break-all', margin: 0 }}>
                {v.signature}
              </Typography.Paragraph>
            ),
          },
          {
            key: 'key',
            label: t('verify.publicKey'),
            children: (
              <Typography.Paragraph copyable style={{ ...mono, whiteSpace: 'pre', margin: 0 }}>
                {v.publicKey.trim()}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}
