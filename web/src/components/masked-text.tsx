import { LockOutlined } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';
import { useI18n } from '../i18n/index.ts';

type MaskedTextProps = { value: string | null | undefined; isMasked?: boolean; copyable?: boolean };

/** A personal datum that may come masked (`3301061990****1234`) for users outside the case team. */
export function MaskedText({ value, isMasked, copyable }: MaskedTextProps) {
  const { t } = useI18n();
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!isMasked) {
    return (
      <Typography.Text className="tabular-nums" copyable={copyable}>
        {value}
      </Typography.Text>
    );
  }
  return (
    <Tooltip title={t('common.maskedHint')}>
      <Space size={4} data-masked="true">
        <LockOutlined aria-label={t('common.masked')} style={{ color: 'var(--ant-color-text-tertiary)' }} />
        <Typography.Text className="tabular-nums" type="secondary">
          {value}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}
