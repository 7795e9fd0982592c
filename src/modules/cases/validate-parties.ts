import { validateCreditCode, validateIdNumber } from '../../kernel/index.ts';
import { AppError, bi, ErrorCode, type ErrorDetail } from '../../platform/errors.ts';
import type { TPartyInput } from './contracts.ts';
import { hasControlCharacters } from './rules/free-text.ts';
import { validatePartyName } from './rules/party-name.ts';

export type CleanParty = {
  kind: 'natural' | 'legal' | 'other';
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  address: string | null;
  legalRepresentative: string | null;
  agents: NonNullable<TPartyInput['agents']>;
};

export const phonePattern = /^[0-9+\-() ]{5,30}$/;

/**
 * Checks every party against the identifier rules (GB 11643 for people, GB 32100 for
 * organisations) and collects every problem with its field path, so the form can show them all.
 */
export function validateParties(role: 'applicants' | 'respondents', parties: TPartyInput[], today: string) {
  const details: ErrorDetail[] = [];
  const clean: CleanParty[] = [];
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    const at = (field: string) => `${role}.${i}.${field}`;
    const fail = (field: string, zh: string, en: string) =>
      details.push({ path: at(field), message: bi(zh, en) });
    const name = validatePartyName(p.name, p.kind);
    if (!name.ok) fail('name', name.reason.zh, name.reason.en);
    let idNumber: string | null = null;
    let creditCode: string | null = null;
    if (p.kind === 'natural') {
      if (p.creditCode)
        fail('creditCode', '自然人不填写统一社会信用代码', 'A natural person has no credit code');
      if (!p.idNumber) fail('idNumber', '请填写公民身份号码', 'ID number is required for a natural person');
      else {
        const r = validateIdNumber(p.idNumber, today);
        if (r.ok) idNumber = r.value;
        else fail('idNumber', r.reason.zh, r.reason.en);
      }
    } else {
      if (p.idNumber) fail('idNumber', '法人或非法人组织不填写身份证号', 'An organisation has no ID number');
      if (!p.creditCode && p.kind === 'legal') {
        fail('creditCode', '请填写统一社会信用代码', 'Credit code is required for a legal person');
      } else if (p.creditCode) {
        const r = validateCreditCode(p.creditCode);
        if (r.ok) creditCode = r.value;
        else fail('creditCode', r.reason.zh, r.reason.en);
      }
    }
    const key = idNumber ?? creditCode;
    if (key) {
      if (seen.has(key))
        fail(idNumber ? 'idNumber' : 'creditCode', '同一当事人重复填写', 'Same party entered twice');
      seen.add(key);
    }
    if (p.phone && !phonePattern.test(p.phone))
      fail('phone', '电话号码格式不正确', 'Phone number is malformed');
    for (const field of ['address', 'legalRepresentative'] as const) {
      const v = p[field];
      if (v && (hasControlCharacters(v) || /[<>]/.test(v)))
        fail(field, '包含不允许的字符', 'Contains characters that are not allowed');
    }
    if (p.legalRepresentative && p.kind === 'natural') {
      fail('legalRepresentative', '自然人没有法定代表人', 'A natural person has no legal representative');
    }
    (p.agents ?? []).forEach((a, j) => {
      const agentName = validatePartyName(a.name, 'natural');
      if (!agentName.ok) {
        details.push({
          path: `${role}.${i}.agents.${j}.name`,
          message: bi(agentName.reason.zh, agentName.reason.en),
        });
      }
    });
    clean.push({
      kind: p.kind,
      name: name.ok ? name.value : p.name,
      idNumber,
      creditCode,
      phone: p.phone?.trim() || null,
      address: p.address?.trim() || null,
      legalRepresentative: p.legalRepresentative?.trim() || null,
      agents: p.agents ?? [],
    });
  });
  return { clean, details };
}

export function throwIfInvalid(details: ErrorDetail[]): void {
  if (details.length === 0) return;
  const first = details[0];
  throw new AppError(ErrorCode.invalidInput, first ? `${first.path}: ${first.message}` : undefined, details);
}

/** A party as another module hands it in (a respondent added by a ruling): the identifying fields. */
export type NewPartyInput = Pick<TPartyInput, 'kind' | 'name' | 'idNumber' | 'creditCode'>;

/**
 * One party checked as filing checks parties (the name, GB 11643 for people with its check
 * character, GB 32100 for organisations); every problem is named under `path` (`party.idNumber`).
 */
export function validateNewParty(path: string, party: NewPartyInput, today: string): CleanParty {
  const { clean, details } = validateParties('respondents', [party], today);
  throwIfInvalid(details.map((d) => ({ ...d, path: d.path.replace(/^respondents\.0/, path) })));
  const [first] = clean;
  if (!first) throw new Error('cases: a validated party went missing');
  return first;
}
