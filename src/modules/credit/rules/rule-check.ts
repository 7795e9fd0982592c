/** A rule's verdict on one input field: fine, or a bilingual reason naming the field. */
export type RuleCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly path: string; readonly zh: string; readonly en: string };

export const ruleOk: RuleCheck = { ok: true };

export function refuseField(path: string, zh: string, en: string): RuleCheck {
  return { ok: false, path, zh, en };
}
