import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db.ts';
import { teamSeats } from '../../platform/http/access.ts';
import { type App, errorResponses } from '../../platform/http/server.ts';
import { Role, requireActor } from '../identity/index.ts';
import {
  ZApplyToParticipateSchema,
  ZDistributionParamSchema,
  ZDistributionSchema,
  ZDraftPlanSchema,
  ZObjectSchema,
  ZOppositionSchema,
  ZSuitSchema,
} from './distribution-contracts.ts';
import {
  answerObjection,
  applyToParticipate,
  draftPlan,
  executePlan,
  finalisePlan,
  objectToPlan,
  recordSuit,
  servePlan,
} from './use-cases/distribution.ts';
import { getDistribution } from './use-cases/distribution-view.ts';

/**
 * 参与分配 and the distribution plan (CPL-I arts. 506–510, 514). The team records what the
 * creditors and the respondent file (applications, objections, oppositions, suits) and serves the
 * plan; the case judge or a leader of the case's court drafts it, makes it final and executes it.
 * Every answer is the case's distribution as it stands after the step.
 */
export function registerDistributionRoutes(app: App, { db }: { db: Db; config: Config }): void {
  const tags = ['funds'];
  const errors = errorResponses;
  const base = '/api/v1/cases/:id/funds/distribution';
  const team = { kind: 'case', seats: teamSeats } as const;
  const judgeOrLeader = { kind: 'case', seats: ['judge'], courtRoles: [Role.courtLeader] } as const;

  app.get(
    base,
    {
      config: { access: { kind: 'case' } },
      schema: {
        tags,
        summary: '参与分配 / A case’s distribution: applications, plan, deadlines',
        params: ZDistributionParamSchema,
        response: { 200: ZDistributionSchema, ...errors },
      },
    },
    async (request) => getDistribution(db, requireActor(request), request.params.id),
  );

  app.post(
    `${base}/applications`,
    {
      config: { access: team },
      schema: {
        tags,
        summary: '登记参与分配申请 / Record an application to take part in the distribution',
        params: ZDistributionParamSchema,
        body: ZApplyToParticipateSchema,
        response: { 201: ZDistributionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applyToParticipate(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/plan`,
    {
      config: { access: judgeOrLeader },
      schema: {
        tags,
        summary: '制作分配方案 / Draft the distribution plan',
        params: ZDistributionParamSchema,
        body: ZDraftPlanSchema,
        response: { 201: ZDistributionSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await draftPlan(db, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/plan/serve`,
    {
      config: { access: team },
      schema: {
        tags,
        summary: '送达分配方案 / Serve the plan on the creditors and the respondent',
        params: ZDistributionParamSchema,
        response: { 200: ZDistributionSchema, ...errors },
      },
    },
    async (request) => servePlan(db, requireActor(request), request.params.id),
  );

  app.post(
    `${base}/plan/objections`,
    {
      config: { access: team },
      schema: {
        tags,
        summary: '登记分配方案异议 / Record a written objection to the plan (15 days)',
        params: ZDistributionParamSchema,
        body: ZObjectSchema,
        response: { 200: ZDistributionSchema, ...errors },
      },
    },
    async (request) => objectToPlan(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    `${base}/plan/oppositions`,
    {
      config: { access: team },
      schema: {
        tags,
        summary: '登记反对意见 / Record whether the others opposed the objection (15 days)',
        params: ZDistributionParamSchema,
        body: ZOppositionSchema,
        response: { 200: ZDistributionSchema, ...errors },
      },
    },
    async (request) => answerObjection(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    `${base}/plan/suits`,
    {
      config: { access: team },
      schema: {
        tags,
        summary: '登记分配方案异议之诉 / Record the objector’s suit (15 days)',
        params: ZDistributionParamSchema,
        body: ZSuitSchema,
        response: { 200: ZDistributionSchema, ...errors },
      },
    },
    async (request) => recordSuit(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    `${base}/plan/finalise`,
    {
      config: { access: judgeOrLeader },
      schema: {
        tags,
        summary: '分配方案生效 / Make the plan final once its periods have run',
        params: ZDistributionParamSchema,
        response: { 200: ZDistributionSchema, ...errors },
      },
    },
    async (request) => finalisePlan(db, requireActor(request), request.params.id),
  );

  app.post(
    `${base}/plan/execute`,
    {
      config: { access: judgeOrLeader },
      schema: {
        tags,
        summary: '按方案分配 / Execute the final plan through the ledger',
        params: ZDistributionParamSchema,
        response: { 200: ZDistributionSchema, ...errors },
      },
    },
    async (request) => executePlan(db, requireActor(request), request.params.id),
  );
}
