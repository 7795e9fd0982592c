import type { DemoSeedContext } from '../../platform/module.ts';
import { seedAuctionDemo } from './use-cases/auction-demo-seed.ts';
import { seedValuationDemo } from './use-cases/valuation-demo-seed.ts';

/** The demo's disposal: valuations first (a lot needs its reference price), then the lots. */
export async function seedDisposalDemo(ctx: DemoSeedContext): Promise<void> {
  await seedValuationDemo(ctx);
  await seedAuctionDemo(ctx);
}
