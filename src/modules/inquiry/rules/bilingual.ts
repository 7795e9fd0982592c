export type Bilingual = { readonly zh: string; readonly en: string };
