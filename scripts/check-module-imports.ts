import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Lint rule (part of `npm run lint`): a module is imported only through its `index.ts`.
 * Any file outside `src/modules/<m>/` that imports a file inside it other than `index.ts` fails,
 * and so does a module reading another module's `tables.ts` by any route.
 */
const root = path.resolve(import.meta.dirname, '..');
const modulesDir = path.join(root, 'src', 'modules');
const scanned = ['src', 'test', 'bench', 'scripts', 'e2e'];
const importPattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function walk(dir: string, out: string[] = []): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e === 'dist') continue;
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e)) out.push(p);
  }
  return out;
}

function moduleOf(file: string): string | null {
  const rel = path.relative(modulesDir, file);
  if (rel.startsWith('..')) return null;
  return rel.split(path.sep)[0] ?? null;
}

const problems: string[] = [];
for (const file of scanned.flatMap((d) => walk(path.join(root, d)))) {
  const source = readFileSync(file, 'utf8');
  const from = moduleOf(file);
  for (const match of source.matchAll(importPattern)) {
    const spec = match[1] ?? match[2];
    if (!spec?.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec);
    const to = moduleOf(target);
    if (!to || to === from) continue;
    const isIndex = path.relative(path.join(modulesDir, to), target) === 'index.ts';
    if (!isIndex) {
      problems.push(`${path.relative(root, file)}: imports ${spec} — use src/modules/${to}/index.ts`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Module boundary violations (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('module boundaries: ok');
