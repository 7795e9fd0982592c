export { type AuditEntry, appendAudit } from './append.ts';
export { sealAudit, type VerifyReport, verifyAudit } from './chain.ts';
