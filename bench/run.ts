import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [name …]`: runs each `bench/*.bench.ts` (or only those whose file name contains a
 * given name: `npm run bench matching` runs `matching.bench.ts`) in its own process,
 * one after the other so they do not compete for the machine's cores. Each prints its figures
 * beside a baseline measured in the same run (see `bench/support.ts`).
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const files = wanted.length === 0 ? all : all.filter((f) => wanted.some((w) => f.includes(w)));
if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ')}; available: ${all.join(', ')}`);
  process.exit(64);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(dir, file)], { stdio: 'inherit' });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    failed++;
    console.error(`${file} failed (exit ${code})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
