import { caseFlags } from '../../api/cases.ts';
import { useI18n } from '../../i18n/index.ts';

const knownClosingTypes = [
  'fulfilled',
  'terminatedThisRound',
  'terminated',
  'withdrawn',
  'notEnforced',
  'rejected',
] as const;
type KnownClosingType = (typeof knownClosingTypes)[number];

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return list.some((item) => item === value);
}

/** The list sends closing types as codes; name the known ones, show any other code as it is. */
export function useClosingTypeLabel(): (closingType: string) => string {
  const { t } = useI18n();
  return (closingType) =>
    isOneOf<KnownClosingType>(knownClosingTypes, closingType) ? t(`closingType.${closingType}`) : closingType;
}

/** Special-case flags (GLOSSARY: 涉党政机关 / 涉军 / 涉民生 / 涉企). */
export function useFlagLabel(): (flag: string) => string {
  const { t } = useI18n();
  return (flag) => (isOneOf(caseFlags, flag) ? t(`flag.${flag}`) : flag);
}
