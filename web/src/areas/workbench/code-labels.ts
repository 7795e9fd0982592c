import { type CaseType, caseTypeLabels } from '../../../../src/kernel/index.ts';
import type { TClosingType } from '../../../../src/modules/cases/contracts.ts';
import { caseFlags } from '../../api/cases.ts';
import { useI18n } from '../../i18n/index.ts';
import { everyValueOf } from '../../lib/every-value.ts';

// The list sends closing types as codes only (the case detail sends them with their labels).
const closingTypes = everyValueOf<TClosingType>()([
  'fulfilled',
  'terminatedThisRound',
  'terminated',
  'withdrawn',
  'notEnforced',
  'rejected',
]);

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return list.some((item) => item === value);
}

/** A case type as `执恢 · 恢复执行`: the code, then the kernel's name for it. */
export function useCaseTypeLabel(): (caseType: CaseType) => string {
  const { pick } = useI18n();
  return (caseType) => `${caseType} · ${pick(caseTypeLabels[caseType])}`;
}

/** Name the known closing types; show any other code as it is. */
export function useClosingTypeLabel(): (closingType: string) => string {
  const { t } = useI18n();
  return (closingType) =>
    isOneOf(closingTypes, closingType) ? t(`closingType.${closingType}`) : closingType;
}

/** Special-case flags (GLOSSARY: 涉党政机关 / 涉军 / 涉民生 / 涉企). */
export function useFlagLabel(): (flag: string) => string {
  const { t } = useI18n();
  return (flag) => (isOneOf(caseFlags, flag) ? t(`flag.${flag}`) : flag);
}
