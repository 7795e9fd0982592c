import { isApiError } from '../api/client.ts';
import type { I18n } from '../i18n/index.ts';

/** A plain-words sentence for any error, in the current language. */
export function describeError(error: unknown, i18n: Pick<I18n, 'pickMessage' | 't'>): string {
  if (isApiError(error)) return i18n.pickMessage(error.message);
  return i18n.t('common.unexpectedError');
}

/** The field-level messages of a server error, in the current language. */
export function describeErrorDetails(error: unknown, i18n: Pick<I18n, 'pickMessage'>): string[] {
  if (!isApiError(error)) return [];
  return error.details.map((detail) => i18n.pickMessage(detail.message));
}
