import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ZIsoDate } from '../../../kernel/index.ts';
import type { Config } from '../../../platform/config.ts';
import type { OutsideEndpoint } from '../../../platform/outside-world.ts';

/**
 * Zhixing's side of the protocol with public security's detention centre
 * (docs/protocols/public-security.md): where it is, the orders' paths and bodies, and the answers
 * as Zhixing reads them (validated here: a module never imports the simulator).
 */
export const policeCode = 'police';

/**
 * ZHIXING_POLICE_URL and ZHIXING_POLICE_KEY, else the simulator's (`{ZHIXING_SIM_URL}/police`, its
 * key derived from ZHIXING_SIM_SECRET as the simulator derives it, as platform/outside-world.ts
 * does for the bank and the SMS gateway). Undefined: orders wait, recorded, for one to be configured.
 */
export function policeEndpoint(config: Config): OutsideEndpoint | undefined {
  const simKey = () => createHmac('sha256', config.simSecret).update(policeCode).digest('hex');
  if (config.policeUrl) {
    return { code: policeCode, url: config.policeUrl.replace(/\/+$/, ''), key: config.policeKey ?? simKey() };
  }
  if (config.simUrl) {
    return { code: policeCode, url: `${config.simUrl.replace(/\/+$/, '')}/police`, key: simKey() };
  }
  return undefined;
}

export const policePaths = { detention: '/v1/detention-orders', release: '/v1/release-orders' } as const;

export type DetentionOrderBody = {
  requestId: string;
  court: string;
  caseNumber: string;
  decisionNumber: string;
  person: { name: string; idNumber: string | null };
  days: number;
  place: string;
  decidedOn: string;
};

export type ReleaseOrderBody = {
  requestId: string;
  detentionRequestId: string;
  court: string;
  reason: string;
  decidedOn: string;
};

const ZText = z.string().max(2000);

/** An answer as received: `pending`, or public security's word on the order. */
export const ZPoliceAnswerSchema = z.discriminatedUnion('status', [
  z.object({ requestId: z.string(), status: z.literal('pending') }),
  z.object({
    requestId: z.string(),
    kind: z.literal('detention'),
    status: z.literal('admitted'),
    place: z.string().min(1).max(200),
    startDate: ZIsoDate,
    endDate: ZIsoDate,
  }),
  z.object({
    requestId: z.string(),
    kind: z.enum(['detention', 'release']),
    status: z.literal('refused'),
    reason: ZText,
  }),
  z.object({
    requestId: z.string(),
    kind: z.literal('release'),
    status: z.literal('released'),
    releasedOn: ZIsoDate,
  }),
]);
export type TPoliceAnswer = z.infer<typeof ZPoliceAnswerSchema>;
export type TPoliceVerdict = Exclude<TPoliceAnswer, { status: 'pending' }>;
