import { crc32, deflateSync } from 'node:zlib';
import type { PathCommand } from 'fontkit';
import { sealGlyphFont } from './fonts.ts';

/**
 * A court's seal as drawn on its documents: a red ring, the court's name along the upper arc, a
 * five-pointed star in the middle (人民法院印章式样). One geometry, in a 200-unit square with y
 * pointing down, drawn as vector paths into the PDF and rasterised into a PNG for Word.
 */
export const sealUnits = 200;
export const sealRed = { r: 0xd7, g: 0x1a, b: 0x1a };
/** 42 mm, the diameter of a basic people's court's seal, in PDF points. */
export const sealDiameterPt = (42 / 25.4) * 72;

type Point = [number, number];
/** A closed outline; a shape is filled by the non-zero rule over all its outlines. */
type Polygon = Point[];

export type SealGeometry = {
  ring: { cx: number; cy: number; outer: number; inner: number };
  /** Filled outlines: the characters and the star. */
  polygons: Polygon[];
};

const centre = sealUnits / 2;
const ringOuter = 97;
const ringInner = 91;
const textRadius = 70;
const charSize = 30;
const starRadius = 30;

function flatten(commands: readonly PathCommand[], map: (x: number, y: number) => Point): Polygon[] {
  const out: Polygon[] = [];
  let current: Polygon = [];
  let last: Point = [0, 0];
  let start: Point = [0, 0];
  const steps = 8;
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      if (current.length > 2) out.push(current);
      last = [args[0] ?? 0, args[1] ?? 0];
      start = last;
      current = [map(...last)];
    } else if (command === 'lineTo') {
      last = [args[0] ?? 0, args[1] ?? 0];
      current.push(map(...last));
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy, x, y] = args as [number, number, number, number];
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        current.push(
          map(u * u * last[0] + 2 * u * t * cx + t * t * x, u * u * last[1] + 2 * u * t * cy + t * t * y),
        );
      }
      last = [x, y];
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y, c2x, c2y, x, y] = args as [number, number, number, number, number, number];
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        current.push(
          map(
            u * u * u * last[0] + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
            u * u * u * last[1] + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
          ),
        );
      }
      last = [x, y];
    } else {
      last = start;
    }
  }
  if (current.length > 2) out.push(current);
  return out;
}

function star(): Polygon {
  const points: Polygon = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? starRadius : starRadius * 0.382;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([centre + r * Math.cos(a), centre + r * Math.sin(a)]);
  }
  return points;
}

/** The seal of a court: its name spread over 240° of the upper arc, each character upright to the centre. */
export function sealGeometry(courtName: string): SealGeometry {
  const font = sealGlyphFont();
  const chars = [...courtName];
  const span = Math.min(250, 24 * chars.length + 30);
  const scale = charSize / font.unitsPerEm;
  const polygons: Polygon[] = [star()];
  chars.forEach((ch, i) => {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0) ?? 0x25a1);
    // Degrees clockwise from the top of the seal.
    const phi = ((-span / 2 + (span * (i + 0.5)) / chars.length) * Math.PI) / 180;
    const px = centre + textRadius * Math.sin(phi);
    const py = centre - textRadius * Math.cos(phi);
    const halfAdvance = glyph.advanceWidth / 2;
    const middle = font.unitsPerEm * 0.38;
    const map = (x: number, y: number): Point => {
      // Glyph units (y up) → centred, scaled, y down → rotated by phi → placed on the arc.
      const gx = (x - halfAdvance) * scale;
      const gy = -(y - middle) * scale;
      return [px + gx * Math.cos(phi) - gy * Math.sin(phi), py + gx * Math.sin(phi) + gy * Math.cos(phi)];
    };
    polygons.push(...flatten(glyph.path.commands, map));
  });
  return { ring: { cx: centre, cy: centre, outer: ringOuter, inner: ringInner }, polygons };
}

/** An outline as SVG path data (for PDFKit's `path`). */
export function polygonPath(polygon: Polygon, scale: number): string {
  return `${polygon.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${(x * scale).toFixed(2)} ${(y * scale).toFixed(2)}`).join(' ')} Z`;
}

/** The winding number of the outlines around a point (non-zero = inside). */
function windingAt(polygons: readonly Polygon[], x: number, y: number): number {
  let winding = 0;
  for (const poly of polygons) {
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i] as Point;
      const b = poly[(i + 1) % poly.length] as Point;
      if (a[1] <= y) {
        if (b[1] > y && (b[0] - a[0]) * (y - a[1]) - (x - a[0]) * (b[1] - a[1]) > 0) winding++;
      } else if (b[1] <= y && (b[0] - a[0]) * (y - a[1]) - (x - a[0]) * (b[1] - a[1]) < 0) winding--;
    }
  }
  return winding;
}

/** Crossings of the outlines with a horizontal line, with their direction, sorted by x. */
function crossings(polygons: readonly Polygon[], y: number): { x: number; dir: number }[] {
  const out: { x: number; dir: number }[] = [];
  for (const poly of polygons) {
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i] as Point;
      const b = poly[(i + 1) % poly.length] as Point;
      if ((a[1] <= y && b[1] > y) || (b[1] <= y && a[1] > y)) {
        out.push({ x: a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]), dir: b[1] > a[1] ? 1 : -1 });
      }
    }
  }
  return out.sort((p, q) => p.x - q.x);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * The seal as a transparent PNG of `size` pixels square, for Word, which cannot draw our vectors.
 * Scanline fill with 4× vertical and horizontal coverage sampling, so the edges are smooth at print size.
 */
export function sealPng(courtName: string, size = 600): Buffer {
  const geometry = sealGeometry(courtName);
  const k = sealUnits / size;
  const samples = 4;
  const coverage = new Float32Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let s = 0; s < samples; s++) {
      const y = (row + (s + 0.5) / samples) * k;
      const xs = crossings(geometry.polygons, y);
      let winding = 0;
      for (let j = 0; j < xs.length - 1; j++) {
        winding += (xs[j] as { dir: number }).dir;
        if (winding === 0) continue;
        const x0 = (xs[j] as { x: number }).x / k;
        const x1 = (xs[j + 1] as { x: number }).x / k;
        for (let col = Math.max(0, Math.floor(x0)); col < Math.min(size, Math.ceil(x1)); col++) {
          const covered = Math.min(col + 1, x1) - Math.max(col, x0);
          if (covered > 0) coverage[row * size + col] = (coverage[row * size + col] ?? 0) + covered / samples;
        }
      }
    }
  }
  const { cx, cy, outer, inner } = geometry.ring;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    raw[row * (size * 4 + 1)] = 0;
    for (let col = 0; col < size; col++) {
      const dx = (col + 0.5) * k - cx;
      const dy = (row + 0.5) * k - cy;
      const d = Math.hypot(dx, dy);
      // The ring: full inside, fading over one pixel at each edge.
      const ring = Math.max(0, Math.min(1, (outer - d) / k + 0.5, (d - inner) / k + 0.5));
      const alpha = Math.min(1, Math.max(ring, coverage[row * size + col] ?? 0));
      const at = row * (size * 4 + 1) + 1 + col * 4;
      raw[at] = sealRed.r;
      raw[at + 1] = sealRed.g;
      raw[at + 2] = sealRed.b;
      raw[at + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Whether a point of the seal is inked (used by tests to check the star and the ring). */
export function isInked(geometry: SealGeometry, x: number, y: number): boolean {
  const d = Math.hypot(x - geometry.ring.cx, y - geometry.ring.cy);
  return (d <= geometry.ring.outer && d >= geometry.ring.inner) || windingAt(geometry.polygons, x, y) !== 0;
}
