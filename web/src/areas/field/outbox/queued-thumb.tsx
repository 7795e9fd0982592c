import { FileOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { readOutboxBlob } from './outbox-store.ts';
import type { OutboxFile } from './outbox-types.ts';

/** A queued photo as a thumbnail from the device's copy; a video or document as an icon. */
export function QueuedThumb({ clientKey, file }: { clientKey: string; file: OutboxFile }) {
  const [url, setUrl] = useState<string | null>(null);
  const isImage = file.mediaType.startsWith('image/');
  useEffect(() => {
    if (!isImage) return;
    let objectUrl: string | null = null;
    let live = true;
    void readOutboxBlob(clientKey, file.index).then((blob) => {
      if (!blob || !live) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [clientKey, file.index, isImage]);
  return (
    <li className="field-thumb" title={file.name}>
      {url ? (
        <img src={url} alt={file.name} />
      ) : file.mediaType.startsWith('video/') ? (
        <VideoCameraOutlined aria-label={file.name} style={{ fontSize: 24 }} />
      ) : (
        <FileOutlined aria-label={file.name} style={{ fontSize: 24 }} />
      )}
    </li>
  );
}
