/**
 * Names of parties as they go on rulings, notices and the public dishonest list: checked here so
 * that nothing unprintable, nothing that could be read as markup and nothing without a single
 * letter reaches a document.
 */
import { type RuleResult, refuse, succeed } from '../../../kernel/index.ts';

export type PartyKind = 'natural' | 'legal' | 'other';
export type PartyNameProblem =
  | 'empty'
  | 'tooLong'
  | 'tooShort'
  | 'control'
  | 'markup'
  | 'noLetter'
  | 'characters';

const maxLength = 100;
const naturalMinLength = 2;
const naturalMaxLength = 30;

// Control and invisible format characters (incl. bidirectional overrides that can disguise a name).
const controlPattern = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const letterPattern = /\p{L}/u;
// Letters of any script with their combining marks (Tibetan, Uyghur, accented Latin …), the middle
// dot of transliterated names (买买提·艾力), spaces and hyphens.
const naturalPattern = /^[\p{L}\p{M}· -]+$/u;
// Organisations add digits, parentheses in both widths, &, full stop and commas.
const organisationPattern = /^[\p{L}\p{M}\p{Nd}· \-()（）&.,，、]+$/u;
// Look-alikes of the middle dot typed by input methods.
const middleDotVariants = /[•‧・･]/gu;

function lengthOf(s: string): number {
  return Array.from(s).length;
}

/**
 * Checks a party's name and returns it normalised: NFC, trimmed, runs of (full-width) spaces made
 * one space, middle-dot look-alikes replaced by `·`. Without `kind` the organisation rules (the
 * looser ones) apply.
 */
export function validatePartyName(input: string, kind?: PartyKind): RuleResult<string, PartyNameProblem> {
  const trimmed = input.normalize('NFC').trim();
  const name = trimmed.replace(/[ \u3000]+/gu, ' ').replace(middleDotVariants, '·');
  if (name.length === 0) return refuse('empty', '名称不能为空', 'Name is required');
  if (lengthOf(name) > maxLength) {
    return refuse(
      'tooLong',
      `名称不能超过${maxLength}个字符`,
      `Name must not exceed ${maxLength} characters`,
    );
  }
  if (controlPattern.test(trimmed)) {
    return refuse('control', '名称包含控制字符或不可见字符', 'Name contains control or invisible characters');
  }
  if (/[<>]/.test(name)) return refuse('markup', '名称不能包含 < 或 >', 'Name must not contain < or >');
  if (!letterPattern.test(name)) {
    return refuse(
      'noLetter',
      '名称应至少包含一个汉字或字母',
      'Name must contain at least one letter or Chinese character',
    );
  }
  if (kind === 'natural') {
    const length = lengthOf(name);
    if (length < naturalMinLength) {
      return refuse(
        'tooShort',
        '自然人姓名至少2个字符',
        "A natural person's name needs at least 2 characters",
      );
    }
    if (length > naturalMaxLength) {
      return refuse(
        'tooLong',
        `自然人姓名不能超过${naturalMaxLength}个字符`,
        `A natural person's name must not exceed ${naturalMaxLength} characters`,
      );
    }
    if (!naturalPattern.test(name) || /^[·-]|[·-]$/u.test(name)) {
      return refuse(
        'characters',
        '自然人姓名只能包含汉字、字母、间隔号“·”、空格和连字符',
        "A natural person's name may contain only letters, Chinese characters, the middle dot ·, spaces and hyphens",
      );
    }
    return succeed(name);
  }
  if (!organisationPattern.test(name)) {
    return refuse(
      'characters',
      '名称只能包含汉字、字母、数字、括号、空格及 · - & . , 、',
      'Name may contain only letters, Chinese characters, digits, parentheses, spaces and · - & . , 、',
    );
  }
  return succeed(name);
}
