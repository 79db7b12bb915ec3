import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AppError, say } from '../errors.js';
import type { NoticeContent } from './notices.js';

/**
 * Notices as real PDF files, drawn on the server with pdfkit and a CJK font embedded as a subset
 * (so the text is text: searchable, copyable, extractable). The font is found at run time —
 * QINGDAN_PDF_FONT, else Debian's fonts-noto-cjk — and read once. Without one the PDF cannot
 * show Chinese, so the request fails with a clear `unavailable` and the page's HTML print stays.
 */
const CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei',
];

interface Font {
  data: Buffer;
  family?: string;
  path: string;
}
const require = createRequire(import.meta.url);
let cached: { key: string; font: Font | null } | undefined;

export function findFont(configured: string | null): Font | null {
  const key = configured ?? '';
  if (cached?.key === key) return cached.font;
  let font: Font | null = null;
  for (const spec of configured ? [configured] : CANDIDATES) {
    const [path, family] = spec.split('#');
    if (fs.existsSync(path)) {
      font = { data: fs.readFileSync(path), family: family || undefined, path };
      break;
    }
  }
  cached = { key, font };
  return font;
}

export interface PdfExtras {
  /** Printed under the title; e.g. the hall's name. */
  issuer: string;
  /** The applicant's token, printed only when the caller proved it knows it. */
  token?: string;
}

export async function renderNoticePdf(
  content: NoticeContent,
  fontSpec: string | null,
  extras: PdfExtras,
): Promise<Buffer> {
  const font = findFont(fontSpec);
  if (!font)
    throw new AppError(
      'unavailable',
      say(
        '服务器未安装中文字体，无法生成 PDF，请使用页面打印',
        'no CJK font for PDF notices: install fonts-noto-cjk or set QINGDAN_PDF_FONT',
      ),
    );
  // Loaded on first use: a server that prints nothing never carries pdfkit and its font engine.
  const PDFDocument = require('pdfkit') as typeof import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    info: { Title: content.title, Author: extras.issuer, Subject: content.lines[0] ?? '' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.data, font.family);
  doc.font('cjk');
  doc.fontSize(12).fillColor('#555').text(extras.issuer, { align: 'center' });
  doc.moveDown(0.4);
  doc.fontSize(22).fillColor('#000').text(content.title, { align: 'center' });
  doc.moveDown(1);
  doc.fontSize(12);
  for (const line of content.lines) doc.text(line, { lineGap: 5 }).moveDown(0.25);
  if (extras.token) {
    doc.moveDown(0.5);
    doc.fontSize(10).fillColor('#333').text(`查询码（请妥善保管，用于查询进度和评价）：${extras.token}`);
  }
  doc.moveDown(2);
  doc.fontSize(12).fillColor('#000').text(`${extras.issuer}（盖章）`, { align: 'right' });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
