import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { chinaDateOf, formatYuan } from '../../../kernel/index.ts';
import { clock } from '../../../platform/clock.ts';
import type { Db, DbOrTx } from '../../../platform/db.ts';
import { AppError, bi, ErrorCode, invalidField } from '../../../platform/errors.ts';
import { isUuid } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs.ts';
import { appendAudit } from '../../audit/index.ts';
import { type CaseContext, loadCaseContext } from '../../cases/index.ts';
import { type Actor, courtNamesByIds } from '../../identity/index.ts';
import type { TCreateMeasure } from '../contracts.ts';
import { loadInstitution } from '../engine/institution-store.ts';
import { driveInstitutionJob } from '../jobs/drive-institution.ts';
import { assertCanAct } from '../policy.ts';
import { type AssetType, canStartMeasure, isAssetType, operationOf } from '../rules/asset-types.ts';
import { checkDeductAmount, checkFreezeAmount, heldFenOf } from '../rules/claim.ts';
import {
  checkControlUntil,
  checkRenewalUntil,
  maxUntilOf,
  type PeriodCheck,
} from '../rules/control-periods.ts';
import { composeNotice } from '../rules/notice-document.ts';
import { assets, measures, requests } from '../tables.ts';
import { readCallbackBase } from './create-requests.ts';
import {
  findControl,
  findPendingAction,
  loadAssetsByIds,
  loadCaseMeasures,
  type MeasureRow,
  outstandingOf,
} from './measure-store.ts';

const kindLabels = {
  freeze: '冻结',
  seal: '查封',
  seize: '扣押',
  unfreeze: '解除',
  renew: '续行',
  deduct: '扣划',
} as const;

function refusePeriod(check: PeriodCheck): void {
  if (check.ok) return;
  if (check.problem === 'expired') {
    throw new AppError(
      ErrorCode.conflict,
      bi('措施已到期，不能续行，请重新采取措施', 'The measure has expired; take a new one instead'),
    );
  }
  if (check.problem === 'notAfterStart')
    throw invalidField('until', '期限须晚于起始日', 'The period must end after it starts');
  throw invalidField(
    'until',
    `超过法定期限（${check.years}年，最迟至${check.maxUntil}；民诉法解释第四百八十五条）`,
    `Past the statutory limit of ${check.years} year(s), at the latest ${check.maxUntil} (CPL-I art. 485)`,
  );
}

type Liability = { name: string; limitFen: number; heldFen: number; leftFen: number };

/**
 * 变更追加规定 arts. 10, 17–19, 22: a respondent added within a limit (the estate, the unpaid or
 * withdrawn capital, what was received) answers up to it, so what the case holds by freezes on its
 * assets — asked, frozen, or already deducted — stays within the limit. Null: no limit.
 */
async function liabilityLeftOf(
  tx: DbOrTx,
  c: CaseContext,
  partyId: string,
  rows: MeasureRow[],
): Promise<Liability | null> {
  const respondent = c.respondents.find((p) => p.id === partyId);
  const limitFen = respondent?.liabilityLimitFen ?? null;
  if (!respondent || limitFen === null) return null;
  const own = await tx
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.caseId, c.id), eq(assets.respondentPartyId, partyId)));
  const ownIds = new Set(own.map((a) => a.id));
  const heldFen = rows.filter((m) => ownIds.has(m.assetId)).reduce((sum, m) => sum + heldFenOf(m), 0);
  return { name: respondent.name, limitFen, heldFen, leftFen: Math.max(0, limitFen - heldFen) };
}

/**
 * A control measure on an asset of the feedback list: freeze (up to the outstanding claim), seal,
 * seize, or — on one in force — renew, lift, deduct. The case row is locked for the check, so two
 * officers freezing at once cannot together exceed the claim, nor an added respondent's limit. The
 * request to the institution is written with the measure and its notice document; the answer
 * decides the measure's state.
 */
export async function createMeasure(
  db: Db,
  actor: Actor,
  caseId: string,
  input: TCreateMeasure,
  opts: { now?: Date } = {},
) {
  const today = chinaDateOf(opts.now ?? clock.now());
  return db.transaction(async (tx) => {
    const c = await loadCaseContext(tx, actor, caseId, { forUpdate: true });
    assertCanAct(c);
    const [asset] = isUuid(input.assetId) ? await loadAssetsByIds(tx, c.id, [input.assetId]) : [];
    if (!asset)
      throw new AppError(ErrorCode.notFound, bi('本案反馈清单中没有该财产', 'No such asset in this case'), [
        { path: 'assetId', message: bi('财产不存在', 'Not found') },
      ]);
    if (!isAssetType(asset.assetType)) throw invalidField('assetId', '未知的财产类型', 'Unknown asset type');
    const assetType: AssetType = asset.assetType;
    const institution = await loadInstitution(tx, asset.institution);
    const rows = await loadCaseMeasures(tx, c.id);
    const control = findControl(rows, asset.id);
    let target: typeof control;
    let until: string | null = null;
    let amountFen: number | null = null;
    let body: Record<string, unknown>;
    const courtName = (await courtNamesByIds(tx, [c.courtId])).get(c.courtId) ?? c.courtCode;
    const ref = { caseNumber: c.caseNumber, court: courtName };

    if (input.kind === 'freeze' || input.kind === 'seal' || input.kind === 'seize') {
      if (!canStartMeasure(input.kind, assetType)) {
        throw invalidField(
          'kind',
          `该类财产不能${kindLabels[input.kind]}`,
          `A ${assetType} cannot be subject to ${input.kind}`,
        );
      }
      if (control)
        throw new AppError(
          ErrorCode.conflict,
          bi('本案已对该财产采取控制措施', 'This case already controls this asset'),
        );
      until = input.until ?? maxUntilOf(assetType, today);
      refusePeriod(checkControlUntil({ assetType, startOn: today, until }));
      if (input.kind === 'freeze') {
        const outstanding = outstandingOf(c, rows);
        const liability = await liabilityLeftOf(tx, c, asset.respondentPartyId, rows);
        amountFen =
          input.amountFen ??
          Math.min(
            outstanding,
            asset.availableFen ?? asset.balanceFen ?? outstanding,
            liability?.leftFen ?? outstanding,
          );
        if (liability && (amountFen > liability.leftFen || liability.leftFen === 0)) {
          const message = bi(
            `冻结金额超出${liability.name}的责任限额（限额 ${formatYuan(liability.limitFen)} 元，已冻结 ${formatYuan(liability.heldFen)} 元，至多还可冻结 ${formatYuan(liability.leftFen)} 元；变更追加规定）`,
            `The amount exceeds the liability limit of ${liability.name} (limit ${formatYuan(liability.limitFen)} yuan, ${formatYuan(liability.heldFen)} held, at most ${formatYuan(liability.leftFen)} more)`,
          );
          throw new AppError(ErrorCode.invalidInput, message, [{ path: 'amountFen', message }]);
        }
        const check = checkFreezeAmount(amountFen, outstanding);
        if (!check.ok && check.problem === 'exceedsClaim') {
          throw new AppError(
            ErrorCode.conflict,
            bi(
              `冻结金额超过尚未执行的标的额（至多 ${formatYuan(outstanding)} 元）`,
              `The amount exceeds the outstanding claim (at most ${formatYuan(outstanding)} yuan)`,
            ),
            [{ path: 'amountFen', message: bi('超标的冻结', 'Over-freezing') }],
          );
        }
        if (!check.ok)
          throw invalidField('amountFen', '已无可冻结的标的额', 'Nothing left of the claim to freeze');
        body = { identifier: asset.identifier, amountFen, until, ...ref };
      } else {
        body = { identifier: asset.identifier, until, ...ref };
      }
    } else {
      target = control && control.state !== 'requested' ? control : undefined;
      if (!target || (input.kind === 'deduct' && (target.kind !== 'freeze' || target.state !== 'inForce'))) {
        throw new AppError(
          ErrorCode.conflict,
          bi(`该财产没有可${kindLabels[input.kind]}的措施`, `No measure in force to ${input.kind}`),
        );
      }
      if (findPendingAction(rows, target.id)) {
        throw new AppError(
          ErrorCode.conflict,
          bi('该措施尚有未反馈的操作', 'An earlier action on this measure awaits its answer'),
        );
      }
      const remote =
        target.kind === 'freeze' ? { freezeId: target.remoteMeasureId } : { sealId: target.remoteMeasureId };
      if (input.kind === 'renew') {
        const currentUntil = target.until ?? today;
        until = input.until ?? maxUntilOf(assetType, currentUntil);
        refusePeriod(checkRenewalUntil({ assetType, currentUntil, today, until }));
        body = { ...remote, until, ...ref };
      } else if (input.kind === 'unfreeze') {
        body = { ...remote, ...ref };
      } else {
        amountFen = input.amountFen ?? target.amountFen ?? 0;
        const check = checkDeductAmount(amountFen, target.amountFen ?? 0);
        if (!check.ok)
          throw invalidField(
            'amountFen',
            `扣划金额须为 1 分至冻结余额 ${formatYuan(target.amountFen ?? 0)} 元`,
            'The amount must be within the frozen amount',
          );
        body = {
          ...remote,
          amountFen,
          courtAccount: { accountNumber: `${c.courtCode}执行款专户`, accountName: `${courtName}执行款专户` },
          ...ref,
        };
      }
    }
    const operation = operationOf(input.kind, target ? (target.kind === 'freeze' ? 'freeze' : 'seal') : null);
    if (!institution?.isEnabled || !institution.operations.includes(operation)) {
      throw new AppError(
        ErrorCode.conflict,
        bi('该机构暂不办理此项业务', 'The institution does not take this measure now'),
      );
    }
    const callbackBase = await readCallbackBase(tx);
    if (callbackBase)
      body = { ...body, callbackUrl: `${callbackBase}/api/v1/inquiry/callbacks/${institution.code}` };
    const notice = composeNotice({
      kind: input.kind,
      assetType,
      targetKind: target ? (target.kind === 'freeze' ? 'freeze' : 'seal') : null,
      caseNumber: c.caseNumber,
      courtName,
      institutionName: institution.name,
      respondentName: asset.respondentName,
      identifier: asset.identifier,
      description: asset.description,
      amountFen,
      until,
      issuedOn: today,
    });
    const id = randomUUID();
    const requestId = randomUUID();
    await tx.insert(measures).values({
      id,
      caseId: c.id,
      courtId: c.courtId,
      assetId: asset.id,
      institution: institution.code,
      kind: input.kind,
      targetMeasureId: target?.id ?? null,
      state: 'requested',
      requestedFen: amountFen,
      until,
      documentName: notice.name,
      documentText: notice.text,
      requestId,
      requestedBy: actor.userId,
    });
    await tx.insert(requests).values({
      id: requestId,
      caseId: c.id,
      courtId: c.courtId,
      respondentPartyId: asset.respondentPartyId,
      measureId: id,
      institution: institution.code,
      operation,
      body,
      state: 'pending',
      priority: 0,
      requestedBy: actor.userId,
    });
    await appendAudit(tx, {
      actor: { userId: actor.userId, displayName: actor.displayName, courtId: actor.court.id },
      action: `inquiry.measure.${input.kind}`,
      objectType: 'case',
      objectId: c.id,
      detail: { measureId: id, assetId: asset.id, institution: institution.code, amountFen, until },
    });
    await enqueueJob(
      tx,
      driveInstitutionJob,
      { institution: institution.code },
      { singletonKey: institution.code, isUrgent: true },
    );
    return { id, state: 'requested' };
  });
}
