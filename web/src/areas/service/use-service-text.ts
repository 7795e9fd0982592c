import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { type ServiceMessageKey, serviceMessages } from './messages.ts';

type Vars = Record<string, string | number>;

/** The service pages' strings in the current language; `{name}` placeholders are filled from `vars`. */
export function useServiceText(): (key: ServiceMessageKey, vars?: Vars) => string {
  const { lang } = useI18n();
  return useCallback(
    (key, vars) =>
      serviceMessages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = vars?.[name];
        return value === undefined ? whole : String(value);
      }),
    [lang],
  );
}
