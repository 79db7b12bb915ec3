import type { Static } from '@sinclair/typebox';
import type { LocateAnswer, NearbyAnswer } from '../../../../src/residents/map.schema.js';
import { api } from '../../api/client.js';
import type { MessagePreview, TemplateList as TemplateListSchema } from '../../../../src/residents/template.schema.js';

export type Nearby = Static<typeof NearbyAnswer>;

export interface Profile {
  phone: string | null;
  email: string | null;
  notifyBy: 'sms' | 'email' | 'none';
}
export interface MyReport {
  code: string;
  title: string;
  status: string;
  nextStep: { zh: string; en: string };
  deadline: string | null;
  unit: string | null;
  area: string | null;
  canVerify: boolean;
  createdAt: string;
}
export interface Boundary {
  areaId: number;
  name: string;
  nameEn: string | null;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}
export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  code: string | null;
}
export interface MapConfig {
  tileUrl: string | null;
  tileAttribution: string;
  tileCrs: 'wgs84' | 'gcj02';
}

export const residentsApi = {
  sendCode: (phone: string) =>
    api.post<{ sentTo: string; expiresInMinutes: number }>('/api/v1/residents/code', { phone }),
  signIn: (phone: string, code: string) => api.post<Profile>('/api/v1/residents/session', { phone, code }),
  sendLink: (email: string) =>
    api.post<{ sentTo: string; expiresInMinutes: number }>('/api/v1/residents/email-link', { email }),
  linkSignIn: (email: string, token: string) => api.post<Profile>('/api/v1/residents/email-session', { email, token }),
  me: () => api.get<Profile>('/api/v1/residents/me'),
  saveMe: (p: Partial<Profile>) => api.patch<Profile>('/api/v1/residents/me', p),
  reports: () => api.get<{ items: MyReport[] }>('/api/v1/residents/reports'),
  claim: (code: string, token: string) =>
    api.post<{ code: string }>('/api/v1/residents/reports/claim', { code, token }),
  mapConfig: () => api.get<MapConfig>('/api/v1/map/config'),
  areas: () => api.get<{ items: Boundary[] }>('/api/v1/map/areas'),
  locate: (lat: number, lng: number) =>
    api.get<Static<typeof LocateAnswer>>('/api/v1/map/locate', { query: { lat, lng } }),
  nearby: (q: { lat: number; lng: number; categoryId?: number }) => api.get<Nearby>('/api/v1/map/nearby', { query: q }),
  follow: (problemCode: string) =>
    api.post<unknown>('/api/v1/residents/subscriptions', { problemCode, mode: 'immediate' }),
  setBoundary: (areaId: number, geometry: unknown) =>
    api.put<unknown>(`/api/v1/map/areas/${areaId}/boundary`, geometry),
  clusters: (q: { zoom: number; status?: string }) =>
    api.get<{ total: number; clusters: Cluster[] }>('/api/v1/map/clusters', { query: q }),
};

export type TemplateList = Static<typeof TemplateListSchema>;
export type TemplateItem = TemplateList['items'][number];
type Preview = Static<typeof MessagePreview>;
const tplPath = (action: string, lang: string) => `/api/v1/residents/templates/${action}/${lang}`;

/** The admin's messages to reporters. */
export const templatesApi = {
  list: (signal?: AbortSignal) => api.get<TemplateList>('/api/v1/residents/templates', { signal }),
  save: (action: string, lang: string, t: { title: string; body: string }) =>
    api.put<Preview>(tplPath(action, lang), t),
  reset: (action: string, lang: string) => api.del<Preview>(tplPath(action, lang)),
  preview: (action: string, draft: { lang: 'zh' | 'en'; title: string; body: string }) =>
    api.post<Preview>(`/api/v1/residents/templates/${action}/preview`, draft),
};
