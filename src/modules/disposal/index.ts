import { defineModule } from '../../platform/module.ts';
import { auctionEvents } from './auction-events.ts';
import { registerAuctionRoutes } from './auction-routes.ts';
import { auctionSubscribers } from './auction-subscribers.ts';
import { seedDisposalDemo } from './demo-seed.ts';
import { disposalJobs } from './jobs/index.ts';
import { selfDisposalJobs } from './self-disposal/jobs/index.ts';
import { registerSelfDisposalRoutes } from './self-disposal/routes.ts';
import { selfDisposalSubscribers } from './self-disposal/subscribers.ts';
import { valuationEvents } from './valuation-events.ts';
import { registerValuationRoutes } from './valuation-routes.ts';
import { valuationSubscribers } from './valuation-subscribers.ts';

export { lotAnnounced, lotClosed, lotDefaulted, lotSold } from './auction-events.ts';
export { type BiddingState, decideBid } from './rules/bidding.ts';
export { commitmentOf, drawLottery, lotteryScheme, rosterDigestOf, verifyLottery } from './rules/lottery.ts';
export { valuationMethodLabels } from './rules/valuation.ts';
export { hashBidderToken } from './use-cases/bidder-register.ts';
export { valuationFailed, valuationPriced, valuationStarted } from './valuation-events.ts';

/**
 * Disposal (处置): a sealed or seized asset's reference price (参考价规定 2018: negotiated, directed
 * inquiry, online inquiry on every listed platform, appraisal by agreement or verifiable lottery),
 * and its online judicial auction (网拍规定 2016; 拍卖变卖规定 2020): lots, real-name bidders,
 * deposits held at the bank, bidding with the 5-minute extension, the close, default, failed rounds,
 * sale (变卖) and transfer in lieu (以物抵债). The public auction site reads its public routes.
 * The good-faith measures (善意文明执行意见 2019, self-disposal/): the respondent's own sale of a
 * sealed asset within the court's period, the seal released once the price is in the case account;
 * a seal replaced by security, financing with sealed property.
 */
export const disposalModule = defineModule({
  name: 'disposal',
  events: [...valuationEvents, ...auctionEvents],
  subscribers: [...valuationSubscribers, ...auctionSubscribers, ...selfDisposalSubscribers],
  jobs: [...disposalJobs, ...selfDisposalJobs],
  routes(app, ctx) {
    registerValuationRoutes(app, ctx);
    registerAuctionRoutes(app, ctx);
    registerSelfDisposalRoutes(app, { db: ctx.database.db });
  },
  seedDemo: (ctx) => seedDisposalDemo(ctx),
});
