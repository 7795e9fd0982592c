import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; fonts, images and archives are compressed already. */
const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/;

/**
 * Writes a `.br` and a `.gz` beside every text asset of the build, so the server sends the
 * compressed file the browser accepts (`@fastify/static`'s `preCompressed`) without compressing
 * on every request. Small files are left alone: their headers outweigh the saving.
 */
export function precompress(minBytes = 1024): Plugin {
  let outDir = '';
  return {
    name: 'zhixing-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir, minBytes);
    },
  };
}

/** Writes `.br` and `.gz` beside each compressible file under `dir` of at least `minBytes`. */
export function precompressDir(dir: string, minBytes = 1024): void {
  for (const file of filesUnder(dir)) {
    if (!compressible.test(file) || statSync(file).size < minBytes) continue;
    const body = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}
