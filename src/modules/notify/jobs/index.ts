import { resumeSmsJob } from './resume-sms.ts';
import { sendSmsJob } from './send-sms.ts';

export const notifyJobs = [sendSmsJob, resumeSmsJob];
