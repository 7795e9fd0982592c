import { EnvironmentOutlined, FileOutlined, PictureOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { type TFieldRecord, uploadContentUrl } from '../../../api/field.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { useFieldText } from '../use-field-text.ts';

type RecordFile = TFieldRecord['files'][number];

function FileThumb({ file }: { file: RecordFile }) {
  const text = useFieldText();
  const url = uploadContentUrl(file.id);
  // Offline, the photo is not on the device (only the records are): an icon stands in for it.
  const [isBroken, setIsBroken] = useState(false);
  const body = file.mediaType.startsWith('image/') ? (
    isBroken ? (
      <PictureOutlined aria-label={file.fileName} style={{ fontSize: 22 }} />
    ) : (
      <img src={url} alt={file.fileName} loading="lazy" onError={() => setIsBroken(true)} />
    )
  ) : (
    <Flex vertical align="center" gap={2}>
      {file.mediaType.startsWith('video/') ? (
        <VideoCameraOutlined aria-hidden style={{ fontSize: 22 }} />
      ) : (
        <FileOutlined aria-hidden style={{ fontSize: 22 }} />
      )}
      {file.mediaType.startsWith('video/') ? text('field.record.video') : text('field.record.file')}
    </Flex>
  );
  return (
    <li>
      <a
        className="field-thumb"
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        title={file.fileName}
        data-testid="field-record-file"
      >
        {body}
      </a>
    </li>
  );
}

/** A field record the server has: when, where, what was found, who signed, the files and their hashes. */
export function RecordCard({ record }: { record: TFieldRecord }) {
  const text = useFieldText();
  const hasPosition = record.latitude !== null && record.longitude !== null;
  return (
    <Card size="small" data-testid="field-record" data-client-key={record.clientKey}>
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong className="tabular-nums" data-testid="field-record-time">
            {formatDateTime(record.capturedAt)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {text('field.record.by', { name: record.createdByName })}
          </Typography.Text>
        </Flex>
        <Typography.Text>
          <EnvironmentOutlined aria-label={text('field.record.address')} style={{ marginInlineEnd: 6 }} />
          {record.address}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="field-record-position">
          {text('field.record.position')}
          {text('field.colon')}
          {hasPosition
            ? `${record.latitude?.toFixed(5)}, ${record.longitude?.toFixed(5)}${
                record.accuracyM !== null
                  ? text('field.record.accuracy', { meters: Math.round(record.accuracyM) })
                  : ''
              }`
            : text('field.record.noPosition')}
        </Typography.Text>
        <Typography.Paragraph
          style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
          data-testid="field-record-note"
        >
          {record.note}
        </Typography.Paragraph>
        <Typography.Text style={{ fontSize: 13 }}>
          <Typography.Text type="secondary">
            {text('field.record.officers')}
            {text('field.colon')}
          </Typography.Text>
          {record.officers.map((o) => o.name).join('、')}
        </Typography.Text>
        {record.files.length > 0 ? (
          <ul className="field-thumbs" aria-label={text('field.record.files')}>
            {record.files.map((f) => (
              <FileThumb key={f.id} file={f} />
            ))}
          </ul>
        ) : null}
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 12, color: '#4a5a70' }}>SHA-256</summary>
          <dl style={{ margin: '6px 0 0', fontSize: 12 }}>
            <dt>{text('field.record.hash')}</dt>
            <dd className="field-hash" style={{ marginInlineStart: 0 }} data-testid="field-record-hash">
              {record.sha256}
            </dd>
            {record.files.map((f) => (
              <div key={f.id}>
                <dt>
                  {text('field.record.fileHash')} · {f.fileName}
                </dt>
                <dd className="field-hash" style={{ marginInlineStart: 0 }} data-testid="field-file-hash">
                  {f.sha256}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      </Flex>
    </Card>
  );
}
