import { defineModule } from '../../platform/module.ts';
import { registerRatingRoutes } from './routes.ts';

export { ableToPayThreshold, type RatingInput, rateRespondent, ratingBase } from './rules/rating.ts';
export { rateCase } from './use-cases/rate-case.ts';

/**
 * The ability-to-perform rating (履行能力评估, seed 004 四(四)): an explainable score of each
 * respondent's ability and willingness to pay, with its reasons, the track of the case (繁简分流)
 * and the measures to propose. It owns no table: every rating is computed on request from what
 * the inquiry, funds, credit and cases modules know.
 */
export const ratingModule = defineModule({
  name: 'rating',
  routes(app, ctx) {
    registerRatingRoutes(app, { db: ctx.database.db });
  },
});
