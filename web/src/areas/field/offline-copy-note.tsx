import { Typography } from 'antd';
import { formatDateTime } from '../../lib/dates.ts';
import { useFieldText } from './use-field-text.ts';

/** Says that what is shown is the device's copy, and from when; nothing when it is fresh. */
export function OfflineCopyNote({ savedAt }: { savedAt: string | null }) {
  const text = useFieldText();
  if (!savedAt) return null;
  return (
    <Typography.Text style={{ color: '#ad4e00' }} data-testid="field-offline-copy">
      {text('field.offlineCopy', { time: formatDateTime(savedAt) })}
    </Typography.Text>
  );
}
