/**
 * Search by case number or party name without a locale-dependent trigram index: each searchable
 * string is normalised and cut into character unigrams (CJK only) and bigrams; a query matches a
 * case whose tokens contain all of the query's tokens (GIN `@>`), rechecked by substring.
 */
export function normalizeForSearch(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）【】[\]〔〕·.,，、:：;；'"“”‘’_\-—]/g, '');
}

const cjk = /\p{Script=Han}/u;

export function tokensOf(values: string[]): string[] {
  const tokens = new Set<string>();
  for (const value of values) {
    const chars = [...normalizeForSearch(value)];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] ?? '';
      if (cjk.test(c)) tokens.add(c);
      const next = chars[i + 1];
      if (next !== undefined) tokens.add(c + next);
    }
  }
  return [...tokens];
}

/** The tokens a query must all match; empty when the query is too short to use the index. */
export function queryTokens(query: string): string[] {
  const chars = [...normalizeForSearch(query)];
  if (chars.length === 0) return [];
  if (chars.length === 1) return cjk.test(chars[0] ?? '') ? [chars[0] ?? ''] : [];
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) tokens.add(`${chars[i]}${chars[i + 1]}`);
  return [...tokens];
}

export function searchTextOf(values: string[]): string {
  return values.map(normalizeForSearch).join('|');
}
