import { Typography } from 'antd';
import { formatYuan } from '../../../src/kernel/index.ts';

type MoneyTextProps = { fen: number | null | undefined; strong?: boolean; type?: 'secondary' | 'success' };

/** An amount in fen shown as yuan: `¥1,234,567.89`. */
export function MoneyText({ fen, strong, type }: MoneyTextProps) {
  if (fen === null || fen === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text strong={strong} type={type} className="tabular-nums" style={{ whiteSpace: 'nowrap' }}>
      ¥{formatYuan(fen)}
    </Typography.Text>
  );
}
