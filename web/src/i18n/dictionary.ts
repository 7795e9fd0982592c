import { additionMessages } from './messages/additions.ts';
import { adminMessages } from './messages/admin.ts';
import { caseDetailMessages } from './messages/case-detail.ts';
import { commandMessages } from './messages/command.ts';
import { commonMessages } from './messages/common.ts';
import { creditMessages } from './messages/credit.ts';
import { disclosureMessages } from './messages/disclosure.ts';
import { disposalMessages } from './messages/disposal.ts';
import { documentMessages } from './messages/documents.ts';
import { enumMessages } from './messages/enums.ts';
import { filingMessages } from './messages/filing.ts';
import { fundsMessages } from './messages/funds.ts';
import { fundsDeskMessages } from './messages/funds-desk.ts';
import { fundsPayoutDelayMessages } from './messages/funds-payout-delay.ts';
import { inboxMessages } from './messages/inbox.ts';
import { inquiryMessages } from './messages/inquiry.ts';
import { portalMessages } from './messages/portal.ts';
import { procedureMessages } from './messages/procedures.ts';
import { selfDisposalMessages } from './messages/self-disposal.ts';
import { unitMessages } from './messages/units.ts';
import { workbenchMessages } from './messages/workbench.ts';

/** Every UI string, Chinese and English side by side; split by area to keep each file small. */
export const messages = {
  ...commonMessages,
  ...enumMessages,
  ...workbenchMessages,
  ...filingMessages,
  ...caseDetailMessages,
  ...adminMessages,
  ...creditMessages,
  ...portalMessages,
  ...inquiryMessages,
  ...unitMessages,
  ...fundsMessages,
  ...fundsDeskMessages,
  ...fundsPayoutDelayMessages,
  ...disposalMessages,
  ...commandMessages,
  ...disclosureMessages,
  ...documentMessages,
  ...procedureMessages,
  ...inboxMessages,
  ...additionMessages,
  ...selfDisposalMessages,
};

export type MessageKey = keyof typeof messages;
