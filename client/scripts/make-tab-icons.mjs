// Draws the tab bar icons (81x81 PNG, grey and party red) from simple shapes, so no design tool or
// image package is needed. Run: node client/scripts/make-tab-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SAMPLES = 4; // supersampling per axis, for smooth edges
const OUT = join(dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar');
const COLORS = { '': [0x8a, 0x8a, 0x8a], '-active': [0xc8, 0x16, 0x1d] };

const seg = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) <= w / 2;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const tri = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by),
    d2 = s(bx, by, cx, cy),
    d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const union =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y));
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y);

// Coordinates on a 0..1 square.
const ICONS = {
  home: minus(union(tri(0.5, 0.12, 0.08, 0.5, 0.92, 0.5), rect(0.2, 0.45, 0.8, 0.88)), rect(0.42, 0.62, 0.58, 0.88)),
  study: union(
    tri(0.08, 0.22, 0.48, 0.3, 0.08, 0.8),
    tri(0.48, 0.3, 0.48, 0.88, 0.08, 0.8),
    tri(0.92, 0.22, 0.52, 0.3, 0.92, 0.8),
    tri(0.52, 0.3, 0.52, 0.88, 0.92, 0.8),
  ),
  quiz: union(ring(0.5, 0.5, 0.38, 0.09), seg(0.3, 0.52, 0.45, 0.67, 0.1), seg(0.45, 0.67, 0.72, 0.36, 0.1)),
  'party-day': union(rect(0.18, 0.1, 0.25, 0.92), tri(0.25, 0.14, 0.85, 0.3, 0.25, 0.52), rect(0.1, 0.86, 0.45, 0.93)),
  mine: union(disc(0.5, 0.32, 0.19), minus(disc(0.5, 0.98, 0.4), rect(0, 0.92, 1, 1))),
};

function crcTable() {
  return Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
}
const CRC = crcTable();
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(shape, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) if (shape((x + (sx + 0.5) / SAMPLES) / SIZE, (y + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
      row.set([r, g, b, Math.round((255 * hits) / SAMPLES ** 2)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const file = join(OUT, `${name}${suffix}.png`);
    writeFileSync(file, png(shape, color));
    console.log(file);
  }
}
