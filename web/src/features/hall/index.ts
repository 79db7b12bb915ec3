import { lazy } from 'react';
import type { WebFeature } from '../../feature.js';

/**
 * The one-window hall (docs/hall.md): the public guide, case progress and rating; the desk,
 * review, catalogue, board.
 */
export const hallFeature: WebFeature = {
  name: 'hall',
  pages: [
    {
      path: '/hall',
      page: lazy(() => import('./HallHome.js')),
      nav: { zh: '办事大厅', en: 'Service hall' },
      testId: 'nav-hall',
    },
    { path: '/hall/guide', page: lazy(() => import('./Guide.js')) },
    { path: '/hall/guide/:code', page: lazy(() => import('./MatterGuide.js')) },
    { path: '/hall/case', page: lazy(() => import('./CaseProgress.js')) },
    { path: '/hall/rate', page: lazy(() => import('./RatePage.js')) },
  ],
  admin: [
    {
      path: '/admin/hall/desk',
      page: lazy(() => import('./Desk.js')),
      roles: ['admin', 'acceptance'],
      nav: { zh: '综合受理窗口', en: 'Window desk' },
      testId: 'nav-hall-desk',
    },
    {
      path: '/admin/hall/cases',
      page: lazy(() => import('./Cases.js')),
      roles: ['admin', 'acceptance', 'department', 'supervisor', 'leader'],
      nav: { zh: '办件审批', en: 'Cases' },
      testId: 'nav-hall-cases',
    },
    {
      path: '/admin/hall/cases/:no',
      page: lazy(() => import('./CasePage.js')),
      roles: ['admin', 'acceptance', 'department', 'supervisor', 'leader'],
    },
    {
      path: '/admin/hall/catalogue',
      page: lazy(() => import('./Catalogue.js')),
      roles: ['admin', 'department'],
      nav: { zh: '事项目录', en: 'Matter catalogue' },
      testId: 'nav-hall-catalogue',
    },
    {
      path: '/admin/hall/board',
      page: lazy(() => import('./HallBoard.js')),
      roles: ['admin', 'supervisor', 'acceptance', 'leader', 'department'],
      nav: { zh: '办件督办', en: 'Hall supervision' },
      testId: 'nav-hall-board',
    },
  ],
};
