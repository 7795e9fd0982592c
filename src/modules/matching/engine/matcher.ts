/**
 * Answers one subject against the index for one unit's scene: exact on an ID number or credit
 * code, fuzzy on a name alone (never claiming an exact hit). No restriction is shown for a minor,
 * and a punishment outside its dates (grace period, term ended) is not shown.
 */

import { caseTypes, validateCreditCode, validateIdNumber } from '../../../kernel/index.ts';
import { PunishmentCode, punishmentRoles, referenceOf } from '../../credit/index.ts';
import type { SceneRule } from '../rules/scenes.ts';
import { isoOfDay } from './days.ts';
import type { IndexState } from './index-loader.ts';
import {
  fuzzyThreshold,
  hashCodeUnits,
  hashString,
  legalFormIn,
  nameScores,
  normaliseInto,
  romanisedKeysOf,
} from './name-key.ts';
import { kindNames } from './punishment-layout.ts';
import { birthKeyOfPacked, packCreditCode, packIdNumber } from './subject-key.ts';

export type MatchSubject = { idNumber?: string | null; creditCode?: string | null; name?: string | null };

/** A punishment as a unit sees it (the API calls it a "measure": see `wire.ts`). */
export type PunishmentView = {
  punishment: string;
  behaviours?: number[];
  role: string;
  since: string;
  until: string | null;
  court: string;
  caseNumber: string;
  reference: string;
};

export type Candidate = { name: string; score: number; punishments: PunishmentView[] };

export type MatchResult = {
  subject: MatchSubject;
  restricted: boolean;
  match?: 'exact' | 'fuzzy';
  score?: number;
  matchedName?: string;
  punishments: PunishmentView[];
  candidates?: Candidate[];
  error?: { code: string; message: string };
};

export type MatchContext = {
  state: IndexState;
  scene: SceneRule;
  today: string;
  todayDay: number;
  /** Today as YYYYMMDD. */
  todayKey: number;
};

export function contextFor(state: IndexState, scene: SceneRule, today: string): MatchContext {
  return {
    state,
    scene,
    today,
    todayDay: Math.round(Date.parse(`${today}T00:00:00Z`) / 86_400_000),
    todayKey: Number(today.replaceAll('-', '')),
  };
}

export function sceneMask(scene: SceneRule): number {
  let mask = 0;
  for (const b of scene.behaviours) mask |= 1 << b;
  return mask;
}

function behavioursOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 1; b <= 9; b++) if (mask & (1 << b)) out.push(b);
  return out;
}

function permittedMask(ctx: MatchContext, punishmentNo: number): number {
  const list = ctx.state.permissions.get(punishmentNo);
  if (!list) return 0;
  let mask = 0;
  for (const p of list) if (p.fromDay <= ctx.todayDay && ctx.todayDay <= p.untilDay) mask |= p.mask;
  return mask;
}

/** The punishments of subject `s` that restrict it in the scene today. */
export function punishmentsOf(ctx: MatchContext, s: number): PunishmentView[] {
  const { index, courts } = ctx.state;
  const wanted = sceneMask(ctx.scene);
  const out: PunishmentView[] = [];
  for (let r = index.sFirstRecord[s] ?? -1; r >= 0; r = index.nextRecord(r)) {
    const since = index.sinceOf(r);
    const until = index.untilOf(r);
    if (since > ctx.todayDay || (until >= 0 && until < ctx.todayDay)) continue;
    const kind = index.kindOf(r);
    const punishmentNo = index.punishmentNoOf(r);
    let behaviours: number[] | undefined;
    if (kind === PunishmentCode.dishonestList) {
      if (!ctx.scene.isDishonestListRelevant) continue;
    } else if (kind === PunishmentCode.consumptionRestriction) {
      const mask = index.maskOf(r) & wanted & ~permittedMask(ctx, punishmentNo);
      if (mask === 0) continue;
      behaviours = behavioursOf(mask);
    } else if (kind === PunishmentCode.exitRestriction) {
      if (!ctx.scene.isExitRestrictionRelevant) continue;
    } else {
      continue;
    }
    const court = courts.get(index.courtOf(r));
    const type = caseTypes[index.caseTypeOf(r) - 1] ?? '';
    out.push({
      punishment: kindNames[kind] ?? '',
      ...(behaviours ? { behaviours } : {}),
      role: punishmentRoles[index.roleOf(r)] ?? 'debtor',
      since: isoOfDay(since),
      until: until >= 0 ? isoOfDay(until) : null,
      court: court?.name ?? '',
      caseNumber: `（${index.caseYearOf(r)}）${court?.courtCode ?? ''}${type}${index.caseSeqOf(r)}号`,
      reference: referenceOf(punishmentNo),
    });
  }
  return out;
}

const key = new Uint32Array(3);
// The answer for every subject that is not restricted (serialised, never mutated).
const noPunishments: PunishmentView[] = [];
const queryBuf = new Uint16Array(512);
const candidateBuf = new Uint16Array(512);
// How far a name chain is followed, and how many candidates are returned.
const maxChainWalk = 256;
const maxCandidates = 5;

function fail(subject: MatchSubject, code: string, message: string): MatchResult {
  return { subject, restricted: false, punishments: noPunishments, error: { code, message } };
}

function exactById(ctx: MatchContext, subject: MatchSubject, idNumber: string): MatchResult {
  const checked = validateIdNumber(idNumber, ctx.today);
  if (!checked.ok) return fail(subject, 'INVALID_ID_NUMBER', `${checked.reason.zh} / ${checked.reason.en}`);
  packIdNumber(checked.value, key);
  // 失信规定 art. 4: no restriction is ever shown for a minor (18 from the birthday, YYYYMMDD arithmetic)
  if (ctx.todayKey - birthKeyOfPacked(key[0] ?? 0, key[1] ?? 0) < 180_000)
    return { subject, restricted: false, punishments: noPunishments };
  const s = ctx.state.index.findSubject(key[0] ?? 0, key[1] ?? 0, key[2] ?? 0);
  const punishments = s >= 0 ? punishmentsOf(ctx, s) : [];
  return punishments.length > 0
    ? { subject, restricted: true, match: 'exact', punishments }
    : { subject, restricted: false, punishments };
}

function exactByCode(ctx: MatchContext, subject: MatchSubject, creditCode: string): MatchResult {
  const checked = validateCreditCode(creditCode);
  if (!checked.ok) return fail(subject, 'INVALID_CREDIT_CODE', `${checked.reason.zh} / ${checked.reason.en}`);
  packCreditCode(checked.value, key);
  const s = ctx.state.index.findSubject(key[0] ?? 0, key[1] ?? 0, key[2] ?? 0);
  const punishments = s >= 0 ? punishmentsOf(ctx, s) : [];
  return punishments.length > 0
    ? { subject, restricted: true, match: 'exact', punishments }
    : { subject, restricted: false, punishments };
}

function isMinorSubject(ctx: MatchContext, s: number): boolean {
  const index = ctx.state.index;
  return (
    index.hasKey(s) &&
    !index.isOrganisation(s) &&
    ctx.todayKey - birthKeyOfPacked(index.sKeys[s * 3] ?? 0, index.sKeys[s * 3 + 1] ?? 0) < 180_000
  );
}

function candidatesByName(ctx: MatchContext, name: string): Candidate[] {
  const index = ctx.state.index;
  const n = normaliseInto(name, queryBuf);
  const packed = legalFormIn(queryBuf, n);
  const coreLength = packed & 0xffff;
  const form = packed >>> 16;
  if (coreLength === 0) return [];
  const hash = hashCodeUnits(queryBuf, coreLength);
  const found: Candidate[] = [];
  let walked = 0;
  for (let s = index.firstByName(hash); s >= 0 && walked < maxChainWalk; s = index.sNextByName[s] ?? -1) {
    walked++;
    if ((index.sNameHash[s] ?? 0) !== hash || (index.sFirstRecord[s] ?? -1) < 0 || isMinorSubject(ctx, s))
      continue;
    const stored = index.nameOf(s);
    const m = normaliseInto(stored, candidateBuf);
    const candidatePacked = legalFormIn(candidateBuf, m);
    if ((candidatePacked & 0xffff) !== coreLength) continue;
    let isSameCore = true;
    for (let i = 0; isSameCore && i < coreLength; i++) isSameCore = candidateBuf[i] === queryBuf[i];
    if (!isSameCore) continue;
    let score: number;
    if (!index.isOrganisation(s)) {
      score = nameScores.personName;
    } else if (m === n && candidateBuf.subarray(0, m).every((c, i) => c === queryBuf[i])) {
      score = nameScores.sameName;
    } else {
      const candidateForm = candidatePacked >>> 16;
      score =
        candidateForm === form || candidateForm === 0 || form === 0
          ? nameScores.sameFormVariant
          : nameScores.otherForm;
    }
    const punishments = punishmentsOf(ctx, s);
    if (punishments.length > 0) found.push({ name: stored, score, punishments });
  }
  return found;
}

function candidatesByPinyin(ctx: MatchContext, name: string): Candidate[] {
  const index = ctx.state.index;
  const found: Candidate[] = [];
  for (const k of romanisedKeysOf(name)) {
    const hash = hashString(k);
    let walked = 0;
    for (
      let s = index.firstByPinyin(hash);
      s >= 0 && walked < maxChainWalk;
      s = index.sNextByPinyin[s] ?? -1
    ) {
      walked++;
      if ((index.sPinyinHash[s] ?? 0) !== hash || (index.sFirstRecord[s] ?? -1) < 0 || isMinorSubject(ctx, s))
        continue;
      const punishments = punishmentsOf(ctx, s);
      if (punishments.length > 0)
        found.push({ name: index.nameOf(s), score: nameScores.romanised, punishments });
      if (found.length >= maxCandidates) return found;
    }
  }
  return found;
}

function fuzzyByName(ctx: MatchContext, subject: MatchSubject, name: string): MatchResult {
  if (name.length > 200) return fail(subject, 'INVALID_NAME', '名称过长 / Name is too long');
  const found = [...candidatesByName(ctx, name), ...candidatesByPinyin(ctx, name)].sort(
    (a, b) => b.score - a.score,
  );
  const best = found[0];
  if (!best || best.score < fuzzyThreshold) {
    return {
      subject,
      restricted: false,
      punishments: noPunishments,
      ...(found.length > 0 ? { candidates: found.slice(0, maxCandidates) } : {}),
    };
  }
  const top = found.filter((c) => c.score === best.score);
  return {
    subject,
    restricted: true,
    match: 'fuzzy',
    score: best.score,
    matchedName: best.name,
    punishments: top.flatMap((c) => c.punishments),
    candidates: found.slice(0, maxCandidates),
  };
}

/** One subject of a match request (already checked to be an object of optional strings). */
export function matchOne(ctx: MatchContext, subject: MatchSubject): MatchResult {
  const idNumber = subject.idNumber?.trim();
  const creditCode = subject.creditCode?.trim();
  const name = subject.name?.trim();
  if (idNumber && creditCode) {
    const byId = exactById(ctx, subject, idNumber);
    const byCode = exactByCode(ctx, subject, creditCode);
    if (byId.error) return byId;
    if (byCode.error) return byCode;
    const punishments = [...byId.punishments, ...byCode.punishments];
    return punishments.length > 0
      ? { subject, restricted: true, match: 'exact', punishments }
      : { subject, restricted: false, punishments };
  }
  if (idNumber) return exactById(ctx, subject, idNumber);
  if (creditCode) return exactByCode(ctx, subject, creditCode);
  if (name) return fuzzyByName(ctx, subject, name);
  return fail(
    subject,
    'EMPTY_SUBJECT',
    '请提供身份证号、统一社会信用代码或名称 / Give an ID number, a credit code or a name',
  );
}
