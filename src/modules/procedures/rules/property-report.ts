/**
 * Property reports (报告财产令, DOMAIN.md §9; CPL art. 252; 财产调查规定 2020 arts. 5–10): the
 * reporting period, the look-back of one year, supplements within 10 days of a change, where an
 * obligation stands, how a report compares with what the online inquiry found, and what the court
 * may do about a breach. Pure.
 */
import {
  addCalendarDays,
  addMonths,
  type Bilingual,
  calendarDaysBetween,
  compareIsoDates,
} from '../../../kernel/index.ts';

export const reportItemKinds = [
  'deposit',
  'realEstate',
  'vehicle',
  'securities',
  'equity',
  'receivable',
  'income',
  'other',
] as const;
export type ReportItemKind = (typeof reportItemKinds)[number];

export const reportItemKindLabels: Readonly<Record<ReportItemKind, Bilingual>> = {
  deposit: { zh: '存款及账户资金', en: 'Deposits and account balances' },
  realEstate: { zh: '不动产', en: 'Real estate' },
  vehicle: { zh: '车辆', en: 'Vehicles' },
  securities: { zh: '证券', en: 'Securities' },
  equity: { zh: '股权', en: 'Equity' },
  receivable: { zh: '到期债权', en: 'Receivables' },
  income: { zh: '收入', en: 'Income' },
  other: { zh: '其他财产', en: 'Other property' },
};

// (practice) the order sets the reporting period (财产调查规定 art. 5); 5 days unless it says otherwise
export const reportPeriodDays = 5;

// CPL art. 252: current assets and their changes since 1 year before the notice
export const lookBackMonths = 12;

// 财产调查规定 art. 9: a change after the report is reported within 10 days of the change
export const changeReportDays = 10;

/** The last day of the reporting period of an order issued on `orderedOn`. */
export function reportDueOn(orderedOn: string, periodDays = reportPeriodDays): string {
  return addCalendarDays(orderedOn, periodDays);
}

/** The first day of the changes the report must cover: one year before the order. */
export function changesSince(orderedOn: string): string {
  return addMonths(orderedOn, -lookBackMonths);
}

/** Whether a change on `changedOn` reported on `reportedOn` came within the 10 days. */
export function isChangeReportTimely(changedOn: string, reportedOn: string): boolean {
  return calendarDaysBetween(changedOn, reportedOn) <= changeReportDays;
}

export type ObligationStatus = 'awaiting' | 'reported' | 'late' | 'refused';

/**
 * Where an obligation stands on `today`: reported once any report is in (a later one is a
 * supplement), refused when the court recorded a refusal, late once the period has passed
 * without either, awaiting before.
 */
export function obligationStatusOn(
  o: { dueOn: string; firstReportedOn: string | null; isRefused: boolean },
  today: string,
): ObligationStatus {
  if (o.firstReportedOn !== null) return 'reported';
  if (o.isRefused) return 'refused';
  return compareIsoDates(today, o.dueOn) > 0 ? 'late' : 'awaiting';
}

export type ReportedItem = {
  readonly kind: ReportItemKind;
  readonly description: string;
  readonly institution?: string | null;
  readonly identifier?: string | null;
  readonly valueFen?: number | null;
  readonly changedOn?: string | null;
};

/** An asset the online inquiry found for the respondent (inquiry's feedback list). */
export type FoundAsset = {
  readonly assetType: string;
  readonly institution: string;
  readonly institutionName: string | null;
  readonly identifier: string;
  readonly description: string;
  readonly valueFen: number | null;
  readonly balanceFen: number | null;
};

/** The report kind an inquiry asset type falls under. */
export function reportKindOf(assetType: string): ReportItemKind {
  switch (assetType) {
    case 'deposit':
    case 'wealthProduct':
    case 'onlinePayment':
      return 'deposit';
    case 'realEstate':
    case 'vehicle':
    case 'securities':
    case 'equity':
      return assetType;
    default:
      return 'other';
  }
}

// What the online inquiry reaches: a reported item of another kind cannot be "not found" by it.
const inquiredKinds: readonly ReportItemKind[] = ['deposit', 'realEstate', 'vehicle', 'securities', 'equity'];

// (practice) a value differs materially by 10% of what the institution reported and at least ¥1,000
export const valueToleranceRatio = 0.1;
export const valueToleranceMinFen = 100_000;

export function isMaterialDifference(reportedFen: number, foundFen: number): boolean {
  const gap = Math.abs(reportedFen - foundFen);
  return gap >= valueToleranceMinFen && gap > Math.abs(foundFen) * valueToleranceRatio;
}

export type DifferenceCode = 'notReported' | 'notFound' | 'valueDiffers' | 'changeReportedLate';

export type Difference = {
  readonly kind: ReportItemKind;
  readonly code: DifferenceCode;
  readonly zh: string;
  readonly en: string;
  readonly institution: string | null;
  readonly identifier: string | null;
  readonly description: string;
  readonly reportedValueFen: number | null;
  readonly foundValueFen: number | null;
};

/** Identifiers as people write them: no spaces or dashes, upper case. */
export function normalizeIdentifier(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\-－—_]/gu, '').toUpperCase();
}

function normalizeName(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s（）()]/gu, '');
}

/** The same account or thing: equal identifiers, or the found one ends with the 4+ characters reported. */
function isSameIdentifier(reported: string, found: string): boolean {
  if (reported === '' || found === '') return false;
  return reported === found || (reported.length >= 4 && found.endsWith(reported));
}

function isSameInstitution(reported: string | null | undefined, found: FoundAsset): boolean {
  const r = normalizeName(reported);
  if (r === '') return false;
  return [found.institution, found.institutionName].some((name) => {
    const f = normalizeName(name);
    return f !== '' && (f.includes(r) || r.includes(f));
  });
}

function foundValueOf(a: FoundAsset): number | null {
  return a.balanceFen ?? a.valueFen;
}

/**
 * Compares what the respondent reported with what the inquiry found (财产调查规定 art. 10: the
 * court verifies the report). Matched by kind and identifier, then by kind and institution for
 * items reported without an identifier. Found and not reported suggests concealment; reported and
 * not found (of the kinds the inquiry reaches) is to be verified; a matched value far from the
 * institution's is flagged.
 */
export function compareReport(reported: readonly ReportedItem[], found: readonly FoundAsset[]): Difference[] {
  const matchOf = new Map<number, number>();
  const taken = new Set<number>();
  const claim = (ri: number, test: (item: ReportedItem, asset: FoundAsset) => boolean) => {
    const item = reported[ri];
    if (!item || matchOf.has(ri)) return;
    const fi = found.findIndex(
      (a, i) => !taken.has(i) && reportKindOf(a.assetType) === item.kind && test(item, a),
    );
    if (fi >= 0) {
      matchOf.set(ri, fi);
      taken.add(fi);
    }
  };
  for (let ri = 0; ri < reported.length; ri++) {
    claim(ri, (item, a) =>
      isSameIdentifier(normalizeIdentifier(item.identifier), normalizeIdentifier(a.identifier)),
    );
  }
  for (let ri = 0; ri < reported.length; ri++) {
    if (normalizeIdentifier(reported[ri]?.identifier) !== '') continue;
    claim(ri, (item, a) => isSameInstitution(item.institution, a));
  }
  const differences: Difference[] = [];
  for (const [fi, a] of found.entries()) {
    if (taken.has(fi)) continue;
    differences.push({
      kind: reportKindOf(a.assetType),
      code: 'notReported',
      zh: '网络查控发现但未报告，可能隐瞒财产',
      en: 'Found by the online inquiry but not reported: possible concealment',
      institution: a.institutionName ?? a.institution,
      identifier: a.identifier,
      description: a.description,
      reportedValueFen: null,
      foundValueFen: foundValueOf(a),
    });
  }
  for (const [ri, item] of reported.entries()) {
    const fi = matchOf.get(ri);
    const a = fi === undefined ? undefined : found[fi];
    const common = {
      kind: item.kind,
      institution: item.institution ?? null,
      identifier: item.identifier ?? null,
      description: item.description,
      reportedValueFen: item.valueFen ?? null,
    };
    if (!a) {
      if (inquiredKinds.includes(item.kind)) {
        differences.push({
          ...common,
          code: 'notFound',
          zh: '已报告但网络查控未发现，需核实',
          en: 'Reported but not found by the online inquiry: to be verified',
          foundValueFen: null,
        });
      }
      continue;
    }
    const foundFen = foundValueOf(a);
    if (item.valueFen != null && foundFen !== null && isMaterialDifference(item.valueFen, foundFen)) {
      differences.push({
        ...common,
        code: 'valueDiffers',
        zh: '报告价值与查控结果差异较大',
        en: 'The reported value differs materially from the institution’s',
        foundValueFen: foundFen,
      });
    }
  }
  return differences;
}

/** 财产调查规定 art. 9: the items of a supplement whose change was reported after the 10 days. */
export function lateChanges(items: readonly ReportedItem[], reportedOn: string): Difference[] {
  return items.flatMap((item): Difference[] =>
    item.changedOn && !isChangeReportTimely(item.changedOn, reportedOn)
      ? [
          {
            kind: item.kind,
            code: 'changeReportedLate',
            zh: `财产变动未在${changeReportDays}日内补充报告`,
            en: `The change was not reported within ${changeReportDays} days`,
            institution: item.institution ?? null,
            identifier: item.identifier ?? null,
            description: item.description,
            reportedValueFen: item.valueFen ?? null,
            foundValueFen: null,
          },
        ]
      : [],
  );
}

export type Proposal = {
  readonly kind: 'sanction' | 'dishonestListing';
  readonly zh: string;
  readonly en: string;
  readonly basis: string;
  /** 失信规定 art. 1: the listing ground (4: breach of the property-reporting duty). */
  readonly ground: number | null;
  /** Where the team acts on it, if the system has a place for it. */
  readonly route: string | null;
};

/**
 * CPL art. 252 with arts. 114 and 118: refusing to report, or reporting falsely, is fined or
 * detained; 失信规定 art. 1(4): and is a ground to list the respondent as dishonest. Proposed when
 * the period passed without a report, a refusal was recorded, the inquiry found what was not
 * reported, or a change came after its 10 days. The decision stays the judge's.
 */
export function proposalsFor(
  status: ObligationStatus,
  differences: readonly Difference[],
  caseId: string,
): Proposal[] {
  const isBreach =
    status === 'late' ||
    status === 'refused' ||
    differences.some((d) => d.code === 'notReported' || d.code === 'changeReportedLate');
  if (!isBreach) return [];
  return [
    {
      kind: 'sanction',
      zh: '拒绝报告、虚假报告或逾期报告财产，可以予以罚款、拘留（妨害执行）',
      en: 'Refusing to report, reporting falsely or late may be fined or detained (obstruction of enforcement)',
      basis: 'CPL art. 252; arts. 114, 118',
      ground: null,
      route: null,
    },
    {
      kind: 'dishonestListing',
      zh: '违反财产报告制度，可以纳入失信被执行人名单',
      en: 'Breach of the property-reporting duty: may be listed as a dishonest debtor',
      basis: '失信规定 art. 1(4)',
      ground: 4,
      route: `POST /api/v1/cases/${caseId}/dishonest`,
    },
  ];
}
