#!/usr/bin/env node
// Generates the RegRights add-in icons (assets/icon-<size>.png) without any dependency:
// the mark is drawn analytically, anti-aliased by supersampling, and written as an RGBA PNG
// with node's zlib and a hand-rolled CRC-32.
//
// The mark: a rounded blue square carrying three white bars of decreasing length, left
// aligned (tiers of a registration cut back in priority order).
//
// Usage: node scripts/make-icons.js [outDir]   (default: <repo>/assets)

"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 8; // 8x8 samples per pixel

// Fluent "brand" blue (#0F6CBD) and white.
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------------------------------------
// Geometry, in unit coordinates (0..1 across the icon).

const SQUARE = { x0: 0.03, y0: 0.03, x1: 0.97, y1: 0.97, r: 0.2 };
const BAR_HEIGHT = 0.14;
const BAR_LEFT = 0.22;
// Centre line and right end of each bar (top to bottom, decreasing length).
const BARS = [
  { cy: 0.3, x1: 0.78 },
  { cy: 0.5, x1: 0.63 },
  { cy: 0.7, x1: 0.46 },
];

/** Inside a rounded rectangle? */
function inRoundedRect(x, y, rect) {
  const { x0, y0, x1, y1, r } = rect;
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= r * r;
}

/** Inside a horizontal capsule (bar with round ends)? */
function inBar(x, y, bar) {
  const h = BAR_HEIGHT / 2;
  const ax = BAR_LEFT + h;
  const bx = bar.x1 - h;
  const px = Math.min(Math.max(x, ax), bx);
  const dx = x - px;
  const dy = y - bar.cy;
  return dx * dx + dy * dy <= h * h;
}

/** Render the mark at size×size; returns RGBA bytes (straight alpha). */
function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let squareHits = 0;
      let barHits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inRoundedRect(x, y, SQUARE)) continue;
          squareHits++;
          if (BARS.some((b) => inBar(x, y, b))) barHits++;
        }
      }
      const total = n * n;
      const alpha = squareHits / total;
      // Colour of the covered part: blend of blue and white by their share of the coverage.
      const white = squareHits === 0 ? 0 : barHits / squareHits;
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round(BLUE[c] * (1 - white) + WHITE[c] * white);
      }
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// PNG encoding.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    const png = encodePng(size, size, render(size));
    fs.writeFileSync(file, png);
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size}, ${png.length} bytes)`);
  }
}

if (require.main === module) main();

module.exports = { render, encodePng, crc32, SIZES };
