import type { Static } from '@sinclair/typebox';
import type {
  CommentList,
  CommentSchema,
  LikeResult,
  ModerationList,
  MostCommented,
  PostCommentBody,
} from '../../../src/comments/comment.schema.js';
import { api, uuid } from './client.js';

export type Comment = Static<typeof CommentSchema>;
export type CommentPage = Static<typeof CommentList>;

/** A random id this browser keeps, so the server counts one like per browser (see src/comments). */
function clientToken(): string {
  const KEY = 'qingdan.client';
  try {
    let v = localStorage.getItem(KEY);
    if (!v || !/^[A-Za-z0-9_-]{16,100}$/.test(v)) {
      v = uuid();
      localStorage.setItem(KEY, v);
    }
    return v;
  } catch {
    return '';
  }
}
const headers = (): Record<string, string> => {
  const t = clientToken();
  return t ? { 'X-Client-Token': t } : {};
};
const base = (code: string) => `/api/v1/problems/${encodeURIComponent(code)}/comments`;

export const listComments = (
  code: string,
  q: { sort: 'hot' | 'new'; offset?: number; limit?: number },
  signal?: AbortSignal,
) => api.get<CommentPage>(base(code), { query: q, headers: headers(), signal });
export const postComment = (code: string, body: Static<typeof PostCommentBody>) =>
  api.post<Comment>(base(code), body, { headers: headers() });
type Liked = Static<typeof LikeResult>;
export const likeComment = (id: number, on: boolean) =>
  on
    ? api.post<Liked>(`/api/v1/comments/${id}/like`, undefined, { headers: headers() })
    : api.del<Liked>(`/api/v1/comments/${id}/like`, { headers: headers() });
export const hideComment = (id: number, reason: string) => api.post<Comment>(`/api/v1/comments/${id}/hide`, { reason });
export const replyToComment = (id: number, text: string) => api.post<Comment>(`/api/v1/comments/${id}/reply`, { text });
export const restoreComment = (id: number) => api.post<Comment>(`/api/v1/comments/${id}/restore`);
export const mostCommented = (limit = 5, signal?: AbortSignal) =>
  api
    .get<Static<typeof MostCommented>>('/api/v1/comments/most-commented', { query: { limit }, signal })
    .then((r) => r.items);
export const moderationQueue = (q: { hidden?: boolean; offset?: number }, signal?: AbortSignal) =>
  api.get<Static<typeof ModerationList>>('/api/v1/comments', { query: q, signal });
