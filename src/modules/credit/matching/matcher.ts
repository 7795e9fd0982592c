/**
 * Answers one subject against the index for one unit's scene: exact on an ID number or credit
 * code, fuzzy on a name alone (never claiming an exact hit). No restriction is shown for a minor,
 * and a measure outside its dates (grace period, term ended) is not shown.
 */

import { caseTypes, validateCreditCode, validateIdNumber } from '../../../kernel/index.ts';
import type { SceneRule } from '../rules/scenes.ts';
import { type IndexState, isoOfDay } from './index-loader.ts';
import { MeasureCode, measureNames, roleNames } from './measure-layout.ts';
import {
  fuzzyThreshold,
  hashCodeUnits,
  hashString,
  legalFormIn,
  nameScores,
  normaliseInto,
  romanisedKeysOf,
} from './name-key.ts';
import { birthKeyOfPacked, packCreditCode, packIdNumber } from './subject-key.ts';

export type MatchSubject = { idNumber?: string | null; creditCode?: string | null; name?: string | null };

export type MeasureView = {
  measure: string;
  behaviours?: number[];
  role: string;
  since: string;
  until: string | null;
  court: string;
  caseNumber: string;
  reference: string;
};

export type Candidate = { name: string; score: number; measures: MeasureView[] };

export type MatchResult = {
  subject: MatchSubject;
  restricted: boolean;
  match?: 'exact' | 'fuzzy';
  score?: number;
  matchedName?: string;
  measures: MeasureView[];
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

/** A public reference for a measure, quotable to the person concerned. */
export function referenceOf(measureNo: number): string {
  return `ZX${String(measureNo).padStart(10, '0')}`;
}

function behavioursOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 1; b <= 9; b++) if (mask & (1 << b)) out.push(b);
  return out;
}

function permittedMask(ctx: MatchContext, measureNo: number): number {
  const list = ctx.state.permissions.get(measureNo);
  if (!list) return 0;
  let mask = 0;
  for (const p of list) if (p.fromDay <= ctx.todayDay && ctx.todayDay <= p.untilDay) mask |= p.mask;
  return mask;
}

/** The measures of subject `s` that restrict it in the scene today. */
export function measuresOf(ctx: MatchContext, s: number): MeasureView[] {
  const { index, courts } = ctx.state;
  const wanted = sceneMask(ctx.scene);
  const out: MeasureView[] = [];
  for (let r = index.sFirstRecord[s] ?? -1; r >= 0; r = index.nextRecord(r)) {
    const since = index.sinceOf(r);
    const until = index.untilOf(r);
    if (since > ctx.todayDay || (until >= 0 && until < ctx.todayDay)) continue;
    const measure = index.measureOf(r);
    const measureNo = index.measureNoOf(r);
    let behaviours: number[] | undefined;
    if (measure === MeasureCode.dishonestList) {
      if (!ctx.scene.isDishonestListRelevant) continue;
    } else if (measure === MeasureCode.consumptionRestriction) {
      const mask = index.maskOf(r) & wanted & ~permittedMask(ctx, measureNo);
      if (mask === 0) continue;
      behaviours = behavioursOf(mask);
    } else if (measure === MeasureCode.exitRestriction) {
      if (!ctx.scene.isExitRestrictionRelevant) continue;
    } else {
      continue;
    }
    const court = courts.get(index.courtOf(r));
    const type = caseTypes[index.caseTypeOf(r) - 1] ?? '';
    out.push({
      measure: measureNames[measure] ?? '',
      ...(behaviours ? { behaviours } : {}),
      role: roleNames[index.roleOf(r)] ?? 'debtor',
      since: isoOfDay(since),
      until: until >= 0 ? isoOfDay(until) : null,
      court: court?.name ?? '',
      caseNumber: `（${index.caseYearOf(r)}）${court?.courtCode ?? ''}${type}${index.caseSeqOf(r)}号`,
      reference: referenceOf(measureNo),
    });
  }
  return out;
}

const key = new Uint32Array(3);
// The answer for every subject that is not restricted (serialised, never mutated).
const noMeasures: MeasureView[] = [];
const queryBuf = new Uint16Array(512);
const candidateBuf = new Uint16Array(512);
// How far a name chain is followed, and how many candidates are returned.
const maxChainWalk = 256;
const maxCandidates = 5;

function fail(subject: MatchSubject, code: string, message: string): MatchResult {
  return { subject, restricted: false, measures: noMeasures, error: { code, message } };
}

function exactById(ctx: MatchContext, subject: MatchSubject, idNumber: string): MatchResult {
  const checked = validateIdNumber(idNumber, ctx.today);
  if (!checked.ok) return fail(subject, 'INVALID_ID_NUMBER', `${checked.reason.zh} / ${checked.reason.en}`);
  packIdNumber(checked.value, key);
  // 失信规定 art. 4: no restriction is ever shown for a minor (18 from the birthday, YYYYMMDD arithmetic)
  if (ctx.todayKey - birthKeyOfPacked(key[0] ?? 0, key[1] ?? 0) < 180_000)
    return { subject, restricted: false, measures: noMeasures };
  const s = ctx.state.index.findSubject(key[0] ?? 0, key[1] ?? 0, key[2] ?? 0);
  const measures = s >= 0 ? measuresOf(ctx, s) : [];
  return measures.length > 0
    ? { subject, restricted: true, match: 'exact', measures }
    : { subject, restricted: false, measures };
}

function exactByCode(ctx: MatchContext, subject: MatchSubject, creditCode: string): MatchResult {
  const checked = validateCreditCode(creditCode);
  if (!checked.ok) return fail(subject, 'INVALID_CREDIT_CODE', `${checked.reason.zh} / ${checked.reason.en}`);
  packCreditCode(checked.value, key);
  const s = ctx.state.index.findSubject(key[0] ?? 0, key[1] ?? 0, key[2] ?? 0);
  const measures = s >= 0 ? measuresOf(ctx, s) : [];
  return measures.length > 0
    ? { subject, restricted: true, match: 'exact', measures }
    : { subject, restricted: false, measures };
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
    const measures = measuresOf(ctx, s);
    if (measures.length > 0) found.push({ name: stored, score, measures });
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
      const measures = measuresOf(ctx, s);
      if (measures.length > 0) found.push({ name: index.nameOf(s), score: nameScores.romanised, measures });
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
      measures: noMeasures,
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
    measures: top.flatMap((c) => c.measures),
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
    const measures = [...byId.measures, ...byCode.measures];
    return measures.length > 0
      ? { subject, restricted: true, match: 'exact', measures }
      : { subject, restricted: false, measures };
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
