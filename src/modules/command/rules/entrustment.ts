/** The matters one court entrusts to another on its ground (事项委托): serve, investigate, seal, seize. */
import type { Bilingual } from '../../../kernel/index.ts';

export const entrustmentMatters = ['serve', 'investigate', 'seal', 'seize', 'other'] as const;
export type EntrustmentMatter = (typeof entrustmentMatters)[number];

export const entrustmentMatterLabels: Readonly<Record<EntrustmentMatter, Bilingual>> = {
  serve: { zh: '送达文书', en: 'Serve documents' },
  investigate: { zh: '调查', en: 'Investigate' },
  seal: { zh: '查封', en: 'Seal' },
  seize: { zh: '扣押', en: 'Seize' },
  other: { zh: '其他事项', en: 'Other matter' },
};
