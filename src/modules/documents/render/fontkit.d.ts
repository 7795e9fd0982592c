/** The part of fontkit (the font engine PDFKit uses) that draws seals; fontkit ships no types. */
declare module 'fontkit' {
  export type PathCommand = {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  };
  export type Path = { commands: PathCommand[] };
  export type Glyph = { path: Path; advanceWidth: number };
  export type Font = {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    glyphForCodePoint(codePoint: number): Glyph;
  };
  export function openSync(path: string): Font;
  export function create(buffer: Uint8Array): Font;
}
