import { Button, Table, Typography } from 'antd';
import { indicatorCodes, type TChildCourt, type TIndicator } from '../../api/command.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatPercent, indicatorOf, indicatorShortKey, toneColor, toneOf } from './labels.ts';

/**
 * A detached tribunal shares its court's code (法院代字), and the indicators are asked for by
 * code: it is shown, but the desk cannot drill into it.
 */
export const canDrillInto = (child: TChildCourt) => child.court.level !== 'detachedTribunal';

function IndicatorCell({ indicator }: { indicator: TIndicator | undefined }) {
  if (!indicator) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="tabular-nums" style={{ lineHeight: 1.3 }}>
      <div style={{ color: toneColor[toneOf(indicator)], fontWeight: 600 }}>
        {formatPercent(indicator.value)}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {indicator.numerator}/{indicator.denominator}
      </Typography.Text>
    </div>
  );
}

const sortValue = (child: TChildCourt, code: TIndicator['code']) =>
  indicatorOf(child.indicators, code)?.value ?? -1;

/** The courts directly below, each with its four indicators; a court's name drills down to its desk. */
export function ChildCourtsTable({
  items,
  loading,
  onDrill,
}: {
  items: readonly TChildCourt[];
  loading: boolean;
  onDrill: (courtCode: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Table<TChildCourt>
      rowKey={(child) => child.court.id}
      size="small"
      loading={loading}
      dataSource={[...items]}
      pagination={false}
      locale={{ emptyText: t('command.children.empty') }}
      data-testid="child-courts"
      columns={[
        {
          key: 'court',
          title: t('command.children.court'),
          render: (_, child) =>
            canDrillInto(child) ? (
              <Button
                type="link"
                size="small"
                style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onDrill(child.court.code)}
                data-testid={`drill-${child.court.code}`}
              >
                {child.court.name}
              </Button>
            ) : (
              <span>{child.court.name}</span>
            ),
        },
        ...indicatorCodes.map((code) => ({
          key: code,
          title: t(indicatorShortKey(code)),
          width: 112,
          align: 'right' as const,
          showSorterTooltip: false,
          sorter: (a: TChildCourt, b: TChildCourt) => sortValue(a, code) - sortValue(b, code),
          render: (_: unknown, child: TChildCourt) => (
            <IndicatorCell indicator={indicatorOf(child.indicators, code)} />
          ),
        })),
      ]}
    />
  );
}
