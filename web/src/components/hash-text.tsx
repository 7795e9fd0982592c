import { Typography, theme } from 'antd';
import { useI18n } from '../i18n/index.ts';

type HashTextProps = {
  /** A lowercase hex SHA-256. */
  value: string;
  /** Shows the first and last eight digits (the copy button copies all 64). */
  isShort?: boolean;
  testId?: string;
};

/** A SHA-256 in the code font, copyable whole, shortened in lists. */
export function HashText({ value, isShort, testId }: HashTextProps) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const shown = isShort ? `${value.slice(0, 8)}…${value.slice(-8)}` : value;
  return (
    <Typography.Text
      data-testid={testId}
      data-sha256={value}
      title={isShort ? value : undefined}
      copyable={{ text: value, tooltips: [t('documents.copyHash'), t('documents.copied')] }}
      style={{
        fontFamily: token.fontFamilyCode,
        fontSize: token.fontSizeSM,
        wordBreak: 'break-all',
        whiteSpace: isShort ? 'nowrap' : undefined,
      }}
    >
      {shown}
    </Typography.Text>
  );
}
