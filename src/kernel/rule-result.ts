/** Text shown to people: Chinese first, English beside it. */
export type Bilingual = { readonly zh: string; readonly en: string };

export type RuleSuccess<T> = { readonly ok: true; readonly value: T };
export type RuleFailure<C extends string = string> = {
  readonly ok: false;
  readonly code: C;
  readonly reason: Bilingual;
};

/**
 * A rule's verdict on an input: the normalised value, or a machine-readable code and a bilingual
 * reason. Rules never throw for bad input; the caller turns a failure into an AppError that names
 * the field (`invalidField(path, reason.zh, reason.en)`).
 */
export type RuleResult<T, C extends string = string> = RuleSuccess<T> | RuleFailure<C>;

export function succeed<T>(value: T): RuleSuccess<T> {
  return { ok: true, value };
}

export function refuse<C extends string>(code: C, zh: string, en: string): RuleFailure<C> {
  return { ok: false, code, reason: { zh, en } };
}
