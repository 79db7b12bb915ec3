import type { Static } from '@sinclair/typebox';
import type {
  CommentList,
  CommentSchema,
  LikeResult,
  ModerationList,
  MostCommented,
  PostCommentBody,
} from '../../../src/comments/comment.schema.js';
import { api } from './client.js';

export type Comment = Static<typeof CommentSchema>;
export type CommentPage = Static<typeof CommentList>;

const base = (code: string) => `/api/v1/problems/${encodeURIComponent(code)}/comments`;

export const listComments = (
  code: string,
  q: { sort: 'hot' | 'new'; offset?: number; limit?: number },
  signal?: AbortSignal,
) => api.get<CommentPage>(base(code), { query: q, signal });
export const postComment = (code: string, body: Static<typeof PostCommentBody>) => api.post<Comment>(base(code), body);
type Liked = Static<typeof LikeResult>;
/** One like per account, or per browser: the server signs a device id into a cookie on the first like. */
export const likeComment = (id: number, on: boolean) =>
  on ? api.post<Liked>(`/api/v1/comments/${id}/like`) : api.del<Liked>(`/api/v1/comments/${id}/like`);
export const hideComment = (id: number, reason: string) => api.post<Comment>(`/api/v1/comments/${id}/hide`, { reason });
export const replyToComment = (id: number, text: string) => api.post<Comment>(`/api/v1/comments/${id}/reply`, { text });
export const restoreComment = (id: number) => api.post<Comment>(`/api/v1/comments/${id}/restore`);
export const mostCommented = (limit = 5, signal?: AbortSignal) =>
  api
    .get<Static<typeof MostCommented>>('/api/v1/comments/most-commented', { query: { limit }, signal })
    .then((r) => r.items);
export const moderationQueue = (q: { hidden?: boolean; offset?: number }, signal?: AbortSignal) =>
  api.get<Static<typeof ModerationList>>('/api/v1/comments', { query: q, signal });
