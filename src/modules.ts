import { flowsModule } from './flows/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { casesModule } from './modules/cases/index.ts';
import { commandModule } from './modules/command/index.ts';
import { creditModule } from './modules/credit/index.ts';
import { disclosureModule } from './modules/disclosure/index.ts';
import { disposalModule } from './modules/disposal/index.ts';
import { documentsModule } from './modules/documents/index.ts';
import { fundsModule } from './modules/funds/index.ts';
import { identityModule } from './modules/identity/index.ts';
import { inboxModule } from './modules/inbox/index.ts';
import { inquiryModule } from './modules/inquiry/index.ts';
import { matchingModule } from './modules/matching/index.ts';
import { notifyModule } from './modules/notify/index.ts';
import { proceduresModule } from './modules/procedures/index.ts';
import { ratingModule } from './modules/rating/index.ts';
import { serviceModule } from './modules/service/index.ts';
import type { Subscriber } from './platform/events.ts';
import type { AnyJobDefinition } from './platform/job-definition.ts';
import type { ModuleDefinition } from './platform/module.ts';

/**
 * Every module of Zhixing, each one definition (docs/decisions/0010-module-definitions.md). The
 * order is the order of their migrations and demo seeds, and of their routes: identity first (its
 * sign-in hook resolves the actor of every request), flows last. Adding a module means adding it
 * here — the app, the worker, the migrations, the demo and the lint all read this list.
 */
export const modules: readonly ModuleDefinition[] = [
  identityModule,
  inboxModule,
  auditModule,
  casesModule,
  inquiryModule,
  creditModule,
  matchingModule,
  notifyModule,
  fundsModule,
  disposalModule,
  commandModule,
  disclosureModule,
  proceduresModule,
  documentsModule,
  serviceModule,
  ratingModule,
  flowsModule,
];

/** The owners of migrations after `platform`, in order. */
export const moduleNames: readonly string[] = modules.map((m) => m.name);

/** Every module's outbox subscribers, delivered by the worker. */
export function allSubscribers(): Subscriber[] {
  return modules.flatMap((m) => m.subscribers ?? []);
}

/** Every module's jobs, run by the worker. */
export function allJobs(): AnyJobDefinition[] {
  return modules.flatMap((m) => m.jobs ?? []);
}
