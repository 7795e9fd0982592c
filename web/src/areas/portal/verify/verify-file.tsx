import { InboxOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Flex, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useVerifyHash } from '../../../api/documents.ts';
import { describeError } from '../../../components/error-text.ts';
import { HashText } from '../../../components/hash-text.tsx';
import { useI18n } from '../../../i18n/index.ts';
import { canHashFiles, sha256Hex } from '../../../lib/sha256.ts';
import { VerificationResult } from './verification-result.tsx';

type Picked = { name: string; sha256: string } | null;

/**
 * By file: the person picks the Word or PDF file they received; its SHA-256 is computed here, in
 * the browser, and the court answers whether it is a sealed document as served (and which format).
 */
export function VerifyFile() {
  const i18n = useI18n();
  const { t } = i18n;
  const verify = useVerifyHash();
  const [picked, setPicked] = useState<Picked>(null);
  const [isHashing, setHashing] = useState(false);

  if (!canHashFiles()) return <Alert type="warning" showIcon title={t('verify.noCrypto')} />;

  const handleFile = async (file: File) => {
    setHashing(true);
    verify.reset();
    try {
      const sha256 = await sha256Hex(file);
      setPicked({ name: file.name, sha256 });
      verify.mutate(sha256);
    } finally {
      setHashing(false);
    }
  };
  const result = verify.data;

  return (
    <Flex vertical gap={16}>
      <Upload.Dragger
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void handleFile(file);
          return Upload.LIST_IGNORE;
        }}
        data-testid="verify-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('verify.chooseFile')}</p>
      </Upload.Dragger>
      {isHashing ? <Spin description={t('verify.hashing')} /> : null}
      {picked ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'name',
              label: t('verify.fileName'),
              children: <Typography.Text>{picked.name}</Typography.Text>,
            },
            {
              key: 'sha256',
              label: t('verify.fileHash'),
              children: <HashText value={picked.sha256} testId="verify-file-hash" />,
            },
          ]}
        />
      ) : null}
      {verify.isPending ? <Spin style={{ display: 'block', margin: 24 }} /> : null}
      {verify.error ? <Alert type="warning" showIcon title={describeError(verify.error, i18n)} /> : null}
      {result && !result.match ? (
        <Alert type="error" showIcon title={t('verify.noMatch')} data-testid="verify-no-match" />
      ) : null}
      {result?.match && result.format ? (
        <Alert
          type="success"
          showIcon
          title={t('verify.matched', { format: result.format === 'pdf' ? 'PDF' : 'Word' })}
          data-testid="verify-match"
        />
      ) : null}
      {result?.verification ? <VerificationResult verification={result.verification} /> : null}
    </Flex>
  );
}
