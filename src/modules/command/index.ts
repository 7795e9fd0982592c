import { defineModule } from '../../platform/module.ts';
import { inboxSources } from '../inbox/index.ts';
import { seedCommandDemo } from './demo-seed.ts';
import { commandInbox } from './inbox-source.ts';
import { commandJobs } from './jobs.ts';
import { registerCommandRoutes } from './routes.ts';
import { commandActivity, commandIndicators } from './subscribers.ts';

export { type IndicatorCode, indicatorCodes, indicatorRules } from './rules/indicators.ts';
export { refreshCaseFacts } from './use-cases/case-facts.ts';
export { readFailing } from './use-cases/read-failing.ts';
export { computeIndicators } from './use-cases/read-indicators.ts';
export { compareWithRecompute, type RecomputeReport, recomputeIndicators } from './use-cases/recompute.ts';

/**
 * The enforcement command centre (执行指挥中心): the "3+1" core indicators kept incrementally from
 * the cases' events and rolled up the court tree, with the failing cases; supervision (督办),
 * entrustment between courts (事项委托), petitions (信访) and 终本 case reviews.
 */
export const commandModule = defineModule({
  name: 'command',
  subscribers: [commandIndicators, commandActivity],
  jobs: commandJobs,
  contributions: [inboxSources.provide(commandInbox)],
  routes(app, ctx) {
    registerCommandRoutes(app, { db: ctx.database.db });
  },
  seedDemo: (ctx) => seedCommandDemo(ctx),
});
