import { InputNumber, type InputNumberProps } from 'antd';
import { useI18n } from '../i18n/index.ts';

/** `1234567.8` → `1,234,567.8`: groups the whole part only, never the decimals. */
export function groupThousands(value: string | undefined): string {
  if (!value) return '';
  const [whole = '', fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * An amount typed in yuan, as people write it (¥1,234.56): kept as a string so that no cent is lost
 * to floating point; the form turns it into integer fen with the kernel's `yuanToFen`.
 */
export function YuanInput({
  min = '0.01',
  testId,
  ...props
}: Omit<InputNumberProps<string>, 'stringMode' | 'min'> & { min?: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <InputNumber<string>
      {...props}
      stringMode
      min={min}
      precision={2}
      prefix="¥"
      suffix={t('common.yuan')}
      controls={false}
      formatter={(value) => groupThousands(value)}
      parser={(value) => (value ?? '').replace(/[,\s¥]/g, '')}
      style={{ width: '100%' }}
      {...(testId !== undefined && { 'data-testid': testId })}
    />
  );
}
