import http from 'node:http';
import type { Req } from '../lib/latency.js';
import type { BenchSample } from '../lib/sample.js';

/**
 * Request generators for the read scenarios. Each returns the next request (or requests sent
 * together) from a seeded random stream, so two runs ask the same questions.
 */
const STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'long_term',
  'rectified',
  'verified',
  'closed',
  'rejected',
  'merged',
];
const PUBLIC_STATUSES = ['accepted', 'assigned', 'in_progress', 'long_term', 'rectified', 'verified', 'closed'];
const SORTS = ['created_desc', 'created_desc', 'created_asc', 'updated_desc', 'deadline_asc'];

/** Two-character words residents search for, a few longer phrases, and words that match little. */
export const SEARCH_WORDS = [
  '路灯',
  '噪音',
  '污水',
  '停水',
  '水压',
  '学位',
  '入学',
  '停电',
  '公交',
  '单车',
  '井盖',
  '异味',
  '废气',
  '施工',
  '报销',
  '医保',
  '办证',
  '贷款',
  '融资',
  '招工',
  '技工',
  '诈骗',
  '食品',
  '过期',
  '餐馆',
  '沟渠',
  '灌溉',
  '排水',
  '小区',
  '居民',
  '班额',
  '管网',
  '审批',
  '窗口',
  '材料',
  '自来',
  '农户',
  '园区',
  '企业',
  '老人',
  '共享单车',
  '不动产权证',
  '自来水',
  '污水处理',
  '夜间施工',
  '停电检修',
  '异地就医',
  '广场舞',
  '人行道',
  '电信诈骗',
  '地铁',
  '电梯',
  '垃圾分类',
  '物业费',
];

export function listRequests(sample: BenchSample, staff: boolean): () => Req {
  const r = sample.rnd;
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const headers = staff ? { 'x-api-key': sample.staffKey } : undefined;
  return () => {
    const q = new URLSearchParams();
    const filters = Math.floor(r() * 4);
    for (let k = 0; k < filters; k++) {
      const which = Math.floor(r() * (staff ? 7 : 6));
      if (which === 0)
        q.set(
          'status',
          Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(staff ? STATUSES : PUBLIC_STATUSES)).join(','),
        );
      else if (which === 1) q.set('categoryId', String(pick(sample.categoryIds)));
      else if (which === 2) q.set('areaId', String(pick(sample.areaIds)));
      else if (which === 3) q.set('urgency', pick(['normal', 'urgent', 'emergency']));
      else if (which === 4) {
        const m = 1 + Math.floor(r() * 9);
        q.set('from', `2026-0${m}-01`);
        q.set('to', `2026-0${m}-28`);
      } else if (which === 5) q.set('sourceId', String(pick(sample.sourceIds)));
      else q.set('departmentId', String(pick(sample.departmentIds)));
    }
    if (r() < 0.4) q.set('sort', pick(SORTS));
    q.set('limit', '20');
    return { path: `/api/v1/problems?${q}`, headers };
  };
}

/** Follows nextCursor a few pages deep, so the measured mix includes keyset pages, not only first pages. */
export async function collectCursorPages(url: string, first: () => Req, walks: number, depth: number): Promise<Req[]> {
  const pages: Req[] = [];
  for (let w = 0; w < walks; w++) {
    let req: Req | null = first();
    for (let d = 0; d < depth && req; d++) {
      const body = await getJson(url, req);
      const cursor = (body as { nextCursor?: string | null }).nextCursor;
      if (!cursor) break;
      const path: string = req.path.replace(/&cursor=[^&]*/, '');
      req = { path: `${path}&cursor=${encodeURIComponent(cursor)}`, headers: req.headers };
      pages.push(req);
    }
  }
  return pages;
}

export function searchRequests(sample: BenchSample): () => Req {
  return () => ({
    path:
      `/api/v1/problems?q=${encodeURIComponent(SEARCH_WORDS[Math.floor(sample.rnd() * SEARCH_WORDS.length)])}` +
      '&limit=20',
  });
}

export function itemPageRequests(sample: BenchSample): () => Req[] {
  return () => {
    const code = sample.publicCodes[Math.floor(sample.rnd() * sample.publicCodes.length)];
    return [{ path: `/api/v1/problems/${code}` }, { path: `/api/v1/problems/${code}/timeline` }];
  };
}

export function getJson(url: string, req: Req): Promise<unknown> {
  const base = new URL(url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: base.hostname, port: base.port, path: req.path, headers: req.headers }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          data += c;
        });
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode, ...JSON.parse(data) });
          } catch (e) {
            reject(e);
          }
        });
      })
      .on('error', reject);
  });
}
