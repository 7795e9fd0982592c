import type { FormInstance } from 'antd';
import type { ApiError } from '../api/client.ts';

type NamePath = (string | number)[];

/** `"respondents.0.idNumber"` → `['respondents', 0, 'idNumber']`, the antd Form name of the field. */
export function toNamePath(path: string): NamePath {
  return path
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export type ServerFieldErrors = {
  /** Messages that name no field on this form; show them above the form. */
  unplaced: string[];
  /** Whether at least one message was placed beside a field. */
  hasPlaced: boolean;
};

/**
 * Put each `details[].path` message beside the Form field of the same name. `aliases` maps a
 * server path to a different form field (e.g. `claimAmountFen` → `claimAmountYuan`).
 */
export function applyServerFieldErrors(
  form: FormInstance,
  error: ApiError,
  translate: (message: string) => string,
  aliases: Record<string, string> = {},
): ServerFieldErrors {
  const registered = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const detail of error.details) {
    const raw = detail.path.replace(/^body\./, '');
    const path = aliases[raw] ?? raw;
    const message = translate(detail.message);
    if (path && registered.has(path)) byField.set(path, [...(byField.get(path) ?? []), message]);
    else unplaced.push(message);
  }
  form.setFields([...byField].map(([path, errors]) => ({ name: toNamePath(path), errors })));
  const firstPath = [...byField.keys()][0];
  if (firstPath) form.scrollToField(toNamePath(firstPath), { block: 'center' });
  return { unplaced, hasPlaced: byField.size > 0 };
}
