import type { TIndicator, TIndicators } from '../../../api/command.ts';
import { indicatorOf } from '../labels.ts';

/** A tile of the jurisdiction's "map": a court below, or the court's own cases. */
export type JurisdictionUnit = { key: string; name: string; indicators: TIndicator[] };

/**
 * What a court counts that none of the courts below it does: its own cases. The server sums a
 * court's own cases and those of the courts below it, so its own share is the rest.
 */
function ownIndicators(data: TIndicators): TIndicator[] {
  return data.indicators.map((total) => {
    const below = data.children.map((child) => indicatorOf(child.indicators, total.code));
    const numerator = total.numerator - below.reduce((sum, i) => sum + (i?.numerator ?? 0), 0);
    const denominator = total.denominator - below.reduce((sum, i) => sum + (i?.denominator ?? 0), 0);
    const value = denominator > 0 ? numerator / denominator : null;
    return { ...total, numerator, denominator, value, isMet: value === null ? null : value >= total.target };
  });
}

/**
 * The units the big screen's tiles and ranking show: the courts below and, when it has cases of
 * its own, the court itself.
 */
export function jurisdictionUnits(data: TIndicators, ownLabel: string): JurisdictionUnit[] {
  const own = ownIndicators(data);
  const hasOwn = own.some((i) => i.denominator > 0) || data.children.length === 0;
  return [
    ...(hasOwn ? [{ key: data.court.id, name: `${data.court.name}${ownLabel}`, indicators: own }] : []),
    ...data.children.map((child) => ({
      key: child.court.id,
      name: child.court.name,
      indicators: child.indicators,
    })),
  ];
}
