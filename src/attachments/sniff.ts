/**
 * File types are decided by content, never by the name a client sends: an executable renamed
 * `photo.jpg` is refused.
 */
export interface Sniffed {
  mime: string;
  ext: string;
  kind: 'photo' | 'document';
}

const SIGNATURES: Array<{ test: (b: Buffer) => boolean; type: Sniffed }> = [
  {
    test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
    type: { mime: 'image/jpeg', ext: 'jpg', kind: 'photo' },
  },
  {
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    type: { mime: 'image/png', ext: 'png', kind: 'photo' },
  },
  {
    test: (b) => b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a',
    type: { mime: 'image/gif', ext: 'gif', kind: 'photo' },
  },
  {
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
    type: { mime: 'image/webp', ext: 'webp', kind: 'photo' },
  },
  {
    test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
    type: { mime: 'application/pdf', ext: 'pdf', kind: 'document' },
  },
];

export function sniff(head: Buffer): Sniffed | null {
  for (const s of SIGNATURES) if (head.length >= 12 && s.test(head)) return s.type;
  return null;
}

export const ALLOWED_TYPES = SIGNATURES.map((s) => s.type.mime);

/** A display name safe to store and to send back in Content-Disposition. */
export function safeFilename(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const stem = cleaned.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${ext}`;
}
