import { auctionJobs } from './auction-jobs.ts';
import { valuationJobs } from './valuation-jobs.ts';

export const disposalJobs = [...valuationJobs, ...auctionJobs];
