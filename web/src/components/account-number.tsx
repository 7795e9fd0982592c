import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import { normaliseAccountNumber } from '../../../src/kernel/index.ts';
import { useI18n } from '../i18n/index.ts';

/** `62170000123456789012` → `6217 0000 1234 5678 9012`: read and read out in blocks of four. */
export function groupAccountNumber(value: string): string {
  return normaliseAccountNumber(value).replace(/(\d{4})(?=\d)/g, '$1 ');
}

type AccountNumberProps = {
  value: string | null | undefined;
  /** A copy button that copies the digits alone, as a payer types them. */
  copyable?: boolean;
  strong?: boolean;
  style?: CSSProperties;
  testId?: string;
};

/** A bank account number in blocks of four digits. */
export function AccountNumber({ value, copyable, strong, style, testId }: AccountNumberProps) {
  const { t } = useI18n();
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text
      strong={strong}
      className="tabular-nums"
      style={{ whiteSpace: 'nowrap', ...style }}
      data-testid={testId}
      data-account={normaliseAccountNumber(value)}
      copyable={
        copyable
          ? { text: normaliseAccountNumber(value), tooltips: [t('funds.copy'), t('funds.copied')] }
          : false
      }
    >
      {groupAccountNumber(value)}
    </Typography.Text>
  );
}
