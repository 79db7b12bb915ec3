/**
 * What is kept of an upload (issue #16 finding 12). A photo is decoded and encoded again by
 * libvips (sharp): bytes that only look like an image by their first few (a JPEG header in front
 * of HTML, a GIF that is also a script, a 16-byte WebP) are refused, and the stored image carries
 * nothing appended and no metadata (location, camera, names). A PDF that would run JavaScript or
 * launch a program when opened is refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import type sharpModule from 'sharp';
import { AppError } from '../errors.js';
import type { Sniffed } from './sniff.js';

export const PHOTO_LIMITS = {
  /** Longer sides are scaled down to this: plenty for evidence photos, and bounded work to encode. */
  maxSide: 4096,
  /** Images with more pixels are not decoded at all (a tiny PNG can declare 50,000 × 50,000). */
  maxPixels: 100_000_000,
};

let loaded: Promise<typeof sharpModule> | undefined;
/** sharp (libvips) is loaded on the first upload, and keeps no cache between images. */
function sharpLib(): Promise<typeof sharpModule> {
  loaded ??= import('sharp').then((m) => {
    m.default.cache(false);
    return m.default;
  });
  return loaded;
}

async function reencode(bytes: Buffer, type: Sniffed): Promise<Buffer> {
  const sharp = await sharpLib();
  const animated = type.ext === 'gif' || type.ext === 'webp';
  let img = sharp(bytes, { failOn: 'error', limitInputPixels: PHOTO_LIMITS.maxPixels, animated });
  // The orientation lives in the EXIF block that is dropped, so it is applied to the pixels first.
  if (type.ext === 'jpg') img = img.rotate();
  img = img.resize({
    width: PHOTO_LIMITS.maxSide,
    height: PHOTO_LIMITS.maxSide,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const out = {
    jpg: () => img.jpeg({ quality: 85 }),
    png: () => img.png(),
    gif: () => img.gif(),
    webp: () => img.webp(),
  };
  const encode = out[type.ext as keyof typeof out];
  if (!encode) throw new AppError('unsupported_media_type', `${type.mime} is not a photo type`);
  try {
    return await encode().toBuffer();
  } catch (err) {
    const message = (err as Error).message;
    if (/pixel limit/i.test(message))
      throw new AppError(
        'payload_too_large',
        `图片像素过多 / the image has more than ${PHOTO_LIMITS.maxPixels} pixels`,
      );
    throw new AppError(
      'unsupported_media_type',
      `文件不是可读取的图片 / the file is not a readable ${type.ext} image`,
      {
        field: 'file',
      },
    );
  }
}

// A name may spell letters as #xx (/J#61vaScript is /JavaScript), so names are decoded before matching.
const SCRIPT_NAME = /\/(JavaScript|JS|Launch)(?![A-Za-z0-9])/;
const decodeNames = (s: string) =>
  s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
/** Object streams are where a PDF can hide its dictionaries (and so a /JS key) in compressed form. */
const OBJECT_STREAM_BYTES = 32 * 1024 * 1024;

/** The script action a PDF names, in plain text or inside its object streams, or null. */
export function pdfScript(bytes: Buffer): string | null {
  const text = bytes.toString('latin1');
  const plain = SCRIPT_NAME.exec(decodeNames(text));
  if (plain) return plain[1];
  const streams = /stream\r?\n/g;
  let m: RegExpExecArray | null = streams.exec(text);
  for (; m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dict = decodeNames(text.slice(Math.max(0, text.lastIndexOf(' obj', m.index)), m.index));
    streams.lastIndex = end;
    if (!/\/ObjStm(?![A-Za-z0-9])/.test(dict)) continue;
    let inner: Buffer;
    try {
      inner = zlib.inflateSync(bytes.subarray(start, end), { maxOutputLength: OBJECT_STREAM_BYTES });
    } catch {
      // An object stream that cannot be checked cannot be trusted.
      return 'ObjStm';
    }
    const found = SCRIPT_NAME.exec(decodeNames(inner.toString('latin1')));
    if (found) return found[1];
  }
  return null;
}

/**
 * Makes the file at `file` safe to keep: photos re-encoded in place, PDFs checked. Returns the
 * size and SHA-256 of what is now stored.
 */
export async function cleanUpload(file: string, type: Sniffed): Promise<{ size: number; sha256: string }> {
  let bytes: Buffer = await fs.readFile(file);
  if (type.kind === 'photo') {
    bytes = await reencode(bytes, type);
    await fs.writeFile(file, bytes);
  } else if (type.mime === 'application/pdf') {
    const script = pdfScript(bytes);
    if (script)
      throw new AppError(
        'unsupported_media_type',
        `PDF 含有脚本或启动动作，已拒收 / the PDF contains an action that runs when opened (/${script})`,
        { field: 'file' },
      );
  }
  return { size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}
