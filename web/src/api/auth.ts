import { api } from './client.js';
import type { Static } from '@sinclair/typebox';
import type { ApiKeySchema, LeaderSchema, STAFF_ROLE_SCHEMA, UserSchema } from '../../../src/users/user.schema.js';

export type User = Static<typeof UserSchema>;
export type Role = Static<typeof STAFF_ROLE_SCHEMA>;
export type ApiKey = Static<typeof ApiKeySchema>;
export type Leader = Static<typeof LeaderSchema>;

export const login = (username: string, password: string) =>
  api.post<{ user: User }>('/api/v1/auth/login', { username, password });
export const logout = () => api.post<void>('/api/v1/auth/logout');
export const me = (signal?: AbortSignal) => api.get<{ user: User }>('/api/v1/auth/me', { signal });
export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/v1/auth/password', { currentPassword, newPassword });

export interface UserInput {
  username?: string;
  displayName?: string;
  password?: string;
  role?: Role;
  departmentId?: number | null;
  active?: boolean;
}
export const listUsers = () => api.get<{ items: User[] }>('/api/v1/users').then((r) => r.items);
export const createUser = (body: UserInput) => api.post<unknown>('/api/v1/users', body);
export const updateUser = (id: number, body: UserInput) => api.patch<unknown>(`/api/v1/users/${id}`, body);

export const listApiKeys = () => api.get<{ items: ApiKey[] }>('/api/v1/api-keys').then((r) => r.items);
export const createApiKey = (body: { name: string; role: Role; departmentId?: number | null }) =>
  api.post<{ apiKey: ApiKey; key: string }>('/api/v1/api-keys', body);
export const revokeApiKey = (id: number) => api.del(`/api/v1/api-keys/${id}`);
