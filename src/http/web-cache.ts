import path from 'node:path';

// Vite names everything under assets/ by its content hash: a changed file is a new URL.
const HASHED = `${path.sep}assets${path.sep}`;

/**
 * Cache headers for the built UI: hashed assets never change, so a phone keeps them for a year
 * without asking again; index.html (and anything unhashed) is revalidated on every visit so a
 * new release is seen at once. Vary because the same URL is sent brotli, gzip or plain.
 */
export function webCacheHeaders(res: { setHeader(name: string, value: string): unknown }, file: string): void {
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', file.includes(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
