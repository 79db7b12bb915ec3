import { api } from './client.js';

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  problemCode: string | null;
  createdAt: string;
  readAt: string | null;
}

export const listNotifications = (signal?: AbortSignal) =>
  api.get<{ items: Notification[]; unread: number }>('/api/v1/notifications', { query: { limit: 10 }, signal });
export const unreadCount = (signal?: AbortSignal) =>
  api.get<{ unread: number }>('/api/v1/notifications/unread-count', { signal }).then((r) => r.unread);
export const markAllRead = () => api.post<{ unread: number }>('/api/v1/notifications/read', { all: true });
