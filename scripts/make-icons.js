#!/usr/bin/env node
/**
 * Draws the add-in's icons (a calendar page with a green tick: "échéance suivie") and writes them
 * as PNG files into assets/: icon-16.png, icon-32.png, icon-64.png and icon-80.png, the sizes the
 * manifest asks for. No dependency: shapes are measured with signed distances, each pixel is
 * supersampled for smooth edges, and the PNG is written by hand with node's zlib.
 *
 * Run it again after changing the drawing: `node scripts/make-icons.js`. The PNGs are committed.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80];

// Fluent-like colours: brand blue for the calendar, Excel green for the tick.
const BLUE = [0x0f, 0x6c, 0xbd, 255];
const BLUE_DARK = [0x0a, 0x3f, 0x73, 255];
const WHITE = [255, 255, 255, 255];
const GREEN = [0x10, 0x7c, 0x41, 255];

/** Signed distance from (x, y) to a rounded rectangle (negative inside). */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const hx = (right - left) / 2 - radius;
  const hy = (bottom - top) / 2 - radius;
  const qx = Math.abs(x - cx) - hx;
  const qy = Math.abs(y - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance from (x, y) to the segment a–b. */
function segment(x, y, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/**
 * The colour of the drawing at (x, y), both in 0..1 (y downwards), or null when transparent.
 * Layers from bottom to top: the blue page, its white body under the header band, the two binding
 * rings, then the tick.
 */
function colourAt(x, y, size) {
  const small = size < 24;
  // Edges sit on whole pixels at 16 px so the small icon stays crisp.
  const px = 1 / size;
  const left = small ? px : 0.06;
  const right = small ? 1 - px : 0.94;
  const top = small ? 2 * px : 0.12;
  const bottom = small ? 1 - px : 0.94;
  const border = small ? px : Math.max(0.07, 1.15 / size);
  const headerBottom = small ? 6 * px : 0.36;
  let colour = null;
  if (roundedRect(x, y, left, top, right, bottom, 0.13) <= 0) colour = BLUE;
  const bodyRadius = Math.max(0.13 - border, 0.02);
  if (y >= headerBottom && roundedRect(x, y, left + border, headerBottom - 0.2, right - border, bottom - border, bodyRadius) <= 0) {
    colour = WHITE;
  }
  if (!small) {
    for (const ringX of [0.32, 0.68]) {
      if (roundedRect(x, y, ringX - 0.055, 0.03, ringX + 0.055, 0.24, 0.05) <= 0) colour = BLUE_DARK;
    }
  }
  const tickWidth = small ? 0.16 : 0.11;
  const tick = Math.min(segment(x, y, 0.27, 0.655, 0.44, 0.81), segment(x, y, 0.44, 0.81, 0.75, 0.5));
  if (tick <= tickWidth / 2) colour = GREEN;
  return colour;
}

/** RGBA pixels of the icon at one size, averaged over samples × samples points per pixel. */
function render(size) {
  const samples = size < 24 ? 8 : 5;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          if (colour === null) continue;
          const alpha = colour[3] / 255;
          r += colour[0] * alpha;
          g += colour[1] * alpha;
          b += colour[2] * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      const count = samples * samples;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
      }
      pixels[offset + 3] = Math.round((a / count) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) holding the given pixels. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    const png = encodePng(size, render(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)} : ${size}×${size} px, ${png.length} octets`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
