import type { AnyJobDefinition } from '../../../../platform/job-definition.ts';
import { selfDisposalDeadlinesJob } from './deadlines.ts';
import { releaseSelfDisposalJob } from './release-seal.ts';

export const selfDisposalJobs: readonly AnyJobDefinition[] = [
  releaseSelfDisposalJob,
  selfDisposalDeadlinesJob,
];
