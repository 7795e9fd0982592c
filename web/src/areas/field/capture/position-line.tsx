import { EnvironmentOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useFieldText } from '../use-field-text.ts';
import type { PositionState } from './use-position.ts';

/** Where the device is, or why the record will have no position (said plainly, never silently). */
export function PositionLine({ position }: { position: PositionState }) {
  const text = useFieldText();
  if (position.status === 'locating')
    return (
      <Typography.Text type="secondary" data-testid="field-position" data-state="locating">
        <LoadingOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
        {text('field.capture.locating')}
      </Typography.Text>
    );
  if (position.status === 'located')
    return (
      <Typography.Text data-testid="field-position" data-state="located" className="tabular-nums">
        <EnvironmentOutlined aria-hidden style={{ marginInlineEnd: 6, color: '#237804' }} />
        {text('field.capture.located', {
          lat: position.latitude.toFixed(5),
          lon: position.longitude.toFixed(5),
          meters: Math.round(position.accuracyM),
        })}
      </Typography.Text>
    );
  return (
    <Typography.Text style={{ color: '#ad4e00' }} data-testid="field-position" data-state={position.status}>
      <WarningOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
      {text(`field.capture.${position.status}`)}
    </Typography.Text>
  );
}
