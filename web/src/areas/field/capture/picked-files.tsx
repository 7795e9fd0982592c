import {
  CameraOutlined,
  CloseOutlined,
  FileOutlined,
  PictureOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { type ChangeEvent, useEffect, useMemo, useRef } from 'react';
import { maxRecordFiles } from '../../../api/field.ts';
import { formatBytes } from '../format-bytes.ts';
import { useFieldText } from '../use-field-text.ts';
import { checkPicked, type PickedFile } from './picked-file.ts';

function Thumb({ picked, onRemove }: { picked: PickedFile; onRemove: () => void }) {
  const text = useFieldText();
  const isImage = picked.mediaType.startsWith('image/');
  const url = useMemo(() => (isImage ? URL.createObjectURL(picked.file) : null), [isImage, picked.file]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <li style={{ position: 'relative' }} data-testid="field-picked-file">
      <div className="field-thumb" title={`${picked.name} · ${formatBytes(picked.file.size)}`}>
        {url ? (
          <img src={url} alt={picked.name} />
        ) : picked.mediaType.startsWith('video/') ? (
          <VideoCameraOutlined aria-label={picked.name} style={{ fontSize: 24 }} />
        ) : (
          <FileOutlined aria-label={picked.name} style={{ fontSize: 24 }} />
        )}
      </div>
      <Button
        size="small"
        shape="circle"
        icon={<CloseOutlined aria-hidden />}
        aria-label={text('field.capture.remove', { name: picked.name })}
        onClick={onRemove}
        style={{ position: 'absolute', top: -6, right: -6 }}
      />
    </li>
  );
}

type PickedFilesProps = { files: PickedFile[]; onChange: (files: PickedFile[]) => void };

/** Photos and videos: the camera (or the album), shown as thumbnails before the record is saved. */
export function PickedFiles({ files, onChange }: PickedFilesProps) {
  const text = useFieldText();
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    // The same photo may be picked again later.
    event.target.value = '';
    const { taken, problems } = checkPicked(chosen, files.length);
    for (const p of problems) {
      const key =
        p.kind === 'type'
          ? 'field.capture.unsupportedType'
          : p.kind === 'empty'
            ? 'field.capture.empty'
            : 'field.capture.tooLarge';
      message.warning(text(key, { name: p.name }));
    }
    const next = [...files, ...taken];
    if (next.length > maxRecordFiles) message.warning(text('field.capture.tooMany', { max: maxRecordFiles }));
    onChange(next.slice(0, maxRecordFiles));
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Button icon={<CameraOutlined aria-hidden />} onClick={() => camera.current?.click()}>
          {text('field.capture.camera')}
        </Button>
        <Button icon={<PictureOutlined aria-hidden />} onClick={() => album.current?.click()}>
          {text('field.capture.album')}
        </Button>
      </Flex>
      {/* `capture`: the phone opens its camera; the album input lets the officer pick what was taken earlier. */}
      <input
        ref={camera}
        type="file"
        accept="image/*,video/*"
        capture="environment"
        multiple
        style={{ display: 'none' }}
        onChange={add}
        data-testid="field-camera-input"
        aria-label={text('field.capture.camera')}
      />
      <input
        ref={album}
        type="file"
        accept="image/*,video/*"
        multiple
        style={{ display: 'none' }}
        onChange={add}
        data-testid="field-album-input"
        aria-label={text('field.capture.album')}
      />
      {files.length > 0 ? (
        <ul className="field-thumbs" style={{ paddingTop: 6 }}>
          {files.map((f) => (
            <Thumb key={f.key} picked={f} onRemove={() => onChange(files.filter((x) => x.key !== f.key))} />
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          JPEG · PNG · WebP · MP4 · WebM · MOV · PDF
        </Typography.Text>
      )}
    </Flex>
  );
}
