import type { Random } from '../../demo/random.ts';
import type { SimClock } from '../clock.ts';
import type { JournalRecord, SmsJournalRecord } from '../journal.ts';
import type { TSmsKnobs, TSmsMessage, TSmsMessageRequest, TSmsOutbox } from './contracts.ts';

/**
 * The simulated SMS gateway: keeps every message once per `messageId` (journaled before it is
 * acknowledged) and "delivers" it at once; the outbox is what the tests and the demo read.
 */
export type SmsOptions = { knobs?: Partial<TSmsKnobs> };

export const DEFAULT_SMS_KNOBS: TSmsKnobs = { failureRate: 0 };

export type SmsDeps = SmsOptions & {
  clock: SimClock;
  journal: { append(record: JournalRecord): Promise<void> };
  random: Random;
};

export type SendOutcome = 'accepted' | 'conflict' | 'unavailable';

export type SmsGateway = {
  send(request: TSmsMessageRequest, bodyHash: string): Promise<SendOutcome>;
  find(messageId: string): TSmsMessage | undefined;
  /** Messages to a number (all without one), oldest first. */
  outbox(to: string | undefined): TSmsOutbox;
  knobs(): TSmsKnobs;
  patchKnobs(patch: Partial<TSmsKnobs>): TSmsKnobs;
  replay(record: JournalRecord): void;
};

type Message = Omit<SmsJournalRecord, 't'> & { durable: Promise<void> };

export function createSmsGateway(deps: SmsDeps): SmsGateway {
  const byId = new Map<string, Message>();
  const byPhone = new Map<string, Message[]>();
  const ordered: Message[] = [];
  let knobs: TSmsKnobs = { ...DEFAULT_SMS_KNOBS, ...deps.knobs };

  const keep = (record: SmsJournalRecord, durable: Promise<void>): Message => {
    const { t: _t, ...fields } = record;
    const message: Message = { ...fields, durable };
    byId.set(message.messageId, message);
    ordered.push(message);
    const list = byPhone.get(message.to);
    if (list) list.push(message);
    else byPhone.set(message.to, [message]);
    return message;
  };
  const forget = (message: Message): void => {
    byId.delete(message.messageId);
    ordered.splice(ordered.indexOf(message), 1);
    const list = byPhone.get(message.to) ?? [];
    list.splice(list.indexOf(message), 1);
  };

  return {
    async send(request, bodyHash) {
      const existing = byId.get(request.messageId);
      if (existing) {
        await existing.durable;
        return existing.bodyHash === bodyHash ? 'accepted' : 'conflict';
      }
      if (knobs.failureRate > 0 && deps.random.next() < knobs.failureRate) return 'unavailable';
      const record: SmsJournalRecord = { t: 'sms.message', ...request, bodyHash, sentAt: deps.clock.now() };
      const message = keep(record, deps.journal.append(record));
      try {
        await message.durable;
      } catch (err) {
        forget(message);
        throw err;
      }
      return 'accepted';
    },

    find(messageId) {
      const m = byId.get(messageId);
      if (!m) return undefined;
      return { messageId, status: 'delivered', to: m.to, deliveredAt: new Date(m.sentAt).toISOString() };
    },

    outbox(to) {
      const list = to === undefined ? ordered : (byPhone.get(to) ?? []);
      return {
        items: list.map((m) => ({
          messageId: m.messageId,
          to: m.to,
          text: m.text,
          sentAt: new Date(m.sentAt).toISOString(),
        })),
      };
    },

    knobs: () => knobs,
    patchKnobs(patch) {
      knobs = { ...knobs, ...patch };
      return knobs;
    },

    replay(record) {
      if (record.t === 'sms.message' && !byId.has(record.messageId)) keep(record, Promise.resolve());
    },
  };
}
