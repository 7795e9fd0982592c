import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import { applyServerFieldErrors } from '../../lib/form-errors.ts';

/**
 * The server's answer to a form: field messages beside their fields, the rest listed above the
 * form. `handleError` goes into a mutation's `onError`; `unplaced` feeds an `<ErrorAlert>`.
 * `aliases` maps a server path to the form field that shows it (e.g. `areaCodes.1` → `areaCodes`).
 */
export function useServerFormErrors(form: FormInstance, aliases?: Record<string, string>) {
  const { pickMessage } = useI18n();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  return {
    unplaced,
    clear: () => setUnplaced([]),
    handleError: (error: unknown) => {
      if (isApiError(error)) setUnplaced(applyServerFieldErrors(form, error, pickMessage, aliases).unplaced);
    },
  };
}
