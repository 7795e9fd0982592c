import type { TDocumentTemplate, TDossierKind, TServiceMethod } from '../../../../api/documents.ts';
import type { Bilingual, MessageKey } from '../../../../i18n/index.ts';

/**
 * The templates' names as the server labels them (documents rules: documentTemplateLabels): the
 * web app may not import the server's values, so they are written here, held to the type.
 */
export const documentTemplateLabels: Readonly<Record<TDocumentTemplate, Bilingual>> = {
  riskNotice: { zh: '执行风险提示书', en: 'Enforcement-risk notice' },
  enforcementNotice: { zh: '执行通知书', en: 'Enforcement notice' },
  propertyReportOrder: { zh: '报告财产令', en: 'Property report order' },
  assistanceNotice: { zh: '协助执行通知书', en: 'Assistance notice' },
  consumptionRestrictionOrder: { zh: '限制消费令', en: 'Consumption restriction order' },
  dishonestDecision: { zh: '决定书（纳入失信被执行人名单）', en: 'Dishonest-listing decision' },
  terminationRuling: { zh: '执行裁定书（终结本次执行程序）', en: 'Ruling terminating this round' },
};

export const serviceMethodKey = (method: TServiceMethod): MessageKey => `documents.method.${method}`;

export const dossierKindKey = (kind: TDossierKind): MessageKey => `dossier.kind.${kind}`;

export const dossierKindColor: Record<TDossierKind, string> = {
  document: 'blue',
  file: 'geekblue',
  fieldRecord: 'purple',
};
