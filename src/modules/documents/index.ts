import { defineModule } from '../../platform/module.ts';
import { seedDocumentsDemo } from './demo-seed.ts';
import { registerFieldRoutes } from './field-routes.ts';
import { documentsJobs } from './jobs.ts';
import { registerPublicDocumentRoutes } from './public-routes.ts';
import { registerDocumentRoutes } from './routes.ts';
import { riskNoticeAtFiling } from './subscribers.ts';

export { issueRiskNoticeJob } from './jobs.ts';
export { documentTemplateLabels, documentTemplateValues } from './rules/templates.ts';
export { exportDossier } from './use-cases/dossier.ts';
export { listCaseDocuments } from './use-cases/read-documents.ts';

/**
 * Documents (文书): every node's document filled from the case and rendered to Word and PDF, the
 * court's electronic seal with a signature anyone can verify, service on the parties; the
 * electronic dossier (电子卷宗) and its export; field work (移动执行) with resumable uploads. Every
 * filing gets its 执行风险提示书, served on the applicants (seed 003 item 19).
 */
export const documentsModule = defineModule({
  name: 'documents',
  subscribers: [riskNoticeAtFiling],
  jobs: documentsJobs,
  routes(app, ctx) {
    const db = ctx.database.db;
    registerDocumentRoutes(app, { db, sealPassphrase: ctx.config.sealPassphrase });
    registerFieldRoutes(app, { db });
    registerPublicDocumentRoutes(app, { db });
  },
  seedDemo: (ctx) => seedDocumentsDemo(ctx, { sealPassphrase: ctx.config.sealPassphrase }),
});
