import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * The CJK font documents are typeset in: Noto Serif SC (思源宋体, SIL Open Font License), shipped as
 * an npm package so that nothing downloads at run time. PDFs embed the subset of glyphs a document
 * uses; Word files name the official fonts (仿宋_GB2312, 方正小标宋简体) and Word renders them.
 */
const require = createRequire(import.meta.url);

export const bodyFontPath = require.resolve(
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
);
export const titleFontPath = require.resolve(
  '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
);

let bodyBytes: Buffer | undefined;
let titleBytes: Buffer | undefined;
let sealFont: Font | undefined;

/** The fonts' bytes, read once per process (about 15 MB each). */
export function bodyFont(): Buffer {
  bodyBytes ??= readFileSync(bodyFontPath);
  return bodyBytes;
}

export function titleFont(): Buffer {
  titleBytes ??= readFileSync(titleFontPath);
  return titleBytes;
}

/** The font the seal's characters are drawn from (bold, as a carved seal reads). */
export function sealGlyphFont(): Font {
  sealFont ??= create(titleFont());
  return sealFont;
}
