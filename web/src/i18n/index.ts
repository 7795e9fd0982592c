export type { Bilingual, Lang } from './bilingual.ts';
export { pickLabel, pickMessageHalf } from './bilingual.ts';
export type { MessageKey } from './dictionary.ts';
export { type I18n, I18nProvider, useI18n } from './i18n-context.tsx';
