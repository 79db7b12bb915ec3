import zlib from 'node:zlib';
import { mulberry32 } from './demo-random.js';

/** What a demo photo shows, chosen by the item's category. */
export type Scene = 'street' | 'estate' | 'water' | 'field' | 'factory';

const W = 240;
const H = 180;
type Rgb = [number, number, number];

/** Encodes 8-bit RGB pixels as a PNG (filter 0 on every row), with node:zlib only. */
export function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small raster with the few shapes the scenes need. */
class Canvas {
  readonly px = Buffer.alloc(W * H * 3);
  set(x: number, y: number, c: Rgb) {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    this.px.set(c, (y * W + x) * 3);
  }
  rect(x0: number, y0: number, w: number, h: number, c: Rgb) {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(H, Math.round(y0 + h)); y++)
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(W, Math.round(x0 + w)); x++) this.set(x, y, c);
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb) {
    for (let y = Math.floor(cy - ry); y <= cy + ry; y++)
      for (let x = Math.floor(cx - rx); x <= cx + rx; x++)
        if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) this.set(x, y, c);
  }
  /** A vertical gradient between two colours over rows y0..y1. */
  gradient(y0: number, y1: number, a: Rgb, b: Rgb) {
    for (let y = y0; y < y1; y++) {
      const t = (y - y0) / Math.max(1, y1 - y0);
      this.rect(0, y, W, 1, [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t)) as Rgb);
    }
  }
}

const shade = (c: Rgb, d: number): Rgb => c.map((v) => Math.max(0, Math.min(255, v + d))) as Rgb;

function building(cv: Canvas, x: number, w: number, h: number, wall: Rgb, horizon: number) {
  cv.rect(x, horizon - h, w, h, wall);
  for (let wy = horizon - h + 6; wy < horizon - 10; wy += 12)
    for (let wx = x + 5; wx < x + w - 8; wx += 11) cv.rect(wx, wy, 6, 7, [170, 200, 220]);
}

/**
 * A photo-like picture of the place: a sky, buildings or fields, and the problem drawn in (potholes,
 * litter, dirty water, smoke) before the work, or the tidied scene after it. Seeded, so every seed
 * of the demo city has the same pictures.
 */
export function demoPhoto(seed: number, scene: Scene, after: boolean): Buffer {
  const rnd = mulberry32(seed);
  const cv = new Canvas();
  const horizon = 70 + Math.floor(rnd() * 30);
  const grey = rnd() < 0.4;
  cv.gradient(0, horizon, grey ? [170, 178, 188] : [110, 160, 220], grey ? [210, 212, 215] : [200, 225, 245]);
  const ground: Rgb = scene === 'field' ? [96, 150, 70] : scene === 'water' ? [130, 140, 110] : [150, 150, 145];
  cv.gradient(horizon, H, shade(ground, 20), shade(ground, -25));
  if (scene !== 'field')
    for (let x = Math.floor(rnd() * 20); x < W; x += 30 + Math.floor(rnd() * 40)) {
      const wall: Rgb = [180 + Math.floor(rnd() * 50), 170 + Math.floor(rnd() * 40), 150 + Math.floor(rnd() * 50)];
      building(cv, x, 24 + rnd() * 30, 30 + rnd() * (horizon - 35), wall, horizon);
    }
  const mess = (n: number, colours: Rgb[]) => {
    for (let i = 0; i < n; i++)
      cv.ellipse(
        20 + rnd() * (W - 40),
        horizon + 15 + rnd() * (H - horizon - 25),
        4 + rnd() * 12,
        2 + rnd() * 6,
        colours[i % colours.length],
      );
  };
  switch (scene) {
    case 'street':
      cv.rect(0, horizon + 20, W, 40, [90, 92, 96]);
      for (let x = 10; x < W; x += 40) cv.rect(x, horizon + 38, 20, 3, after ? [245, 245, 245] : [150, 150, 140]);
      if (!after)
        mess(4 + Math.floor(rnd() * 4), [
          [55, 50, 45],
          [70, 60, 50],
        ]);
      break;
    case 'estate':
      if (after) for (let x = 8; x < W; x += 26) cv.ellipse(x, H - 12, 10, 8, [60, 130, 60]);
      else
        mess(6 + Math.floor(rnd() * 6), [
          [120, 90, 60],
          [200, 60, 50],
          [60, 90, 160],
          [230, 210, 80],
        ]);
      break;
    case 'water':
      cv.ellipse(W / 2, horizon + (H - horizon) / 2, 80, 20, after ? [110, 160, 200] : [110, 95, 60]);
      if (after) cv.rect(30, horizon + (H - horizon) / 2 - 24, W - 60, 4, [200, 200, 195]);
      break;
    case 'field':
      for (let y = horizon + 8; y < H; y += 10) cv.rect(0, y, W, 2, [70, 120, 50]);
      cv.rect(0, horizon + 30, W, 12, after ? [190, 190, 185] : [120, 100, 70]);
      if (!after) mess(5, [[90, 75, 50]]);
      break;
    case 'factory':
      cv.rect(W - 70, horizon - 70, 10, 70, [150, 140, 135]);
      if (!after) for (let i = 0; i < 6; i++) cv.ellipse(W - 65 + i * 12, horizon - 78 - i * 8, 14, 9, [95, 95, 100]);
      break;
  }
  return encodePng(W, H, cv.px);
}
