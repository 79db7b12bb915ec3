import { lazy } from 'react';
import type { WebFeature } from '../../feature.js';

/** The residents' side (docs/residents.md): phone or e-mail sign-in, my reports, the map, reporter messages. */
export const residentsFeature: WebFeature = {
  name: 'residents',
  pages: [
    { path: '/map', page: lazy(() => import('./MapPage.js')), nav: { zh: '问题地图', en: 'Map' }, testId: 'nav-map' },
    {
      path: '/me',
      page: lazy(() => import('./MyReports.js')),
      nav: { zh: '我的反映', en: 'My reports' },
      testId: 'nav-me',
    },
    { path: '/me/signin', page: lazy(() => import('./SignIn.js')) },
  ],
  admin: [
    {
      path: '/admin/settings/boundaries',
      page: lazy(() => import('./BoundaryUpload.js')),
      roles: ['admin'],
      nav: { zh: '区域边界', en: 'Area boundaries' },
      testId: 'nav-boundaries',
    },
    {
      path: '/admin/reporter-messages',
      page: lazy(() => import('./AdminTemplates.js')),
      roles: ['admin'],
      nav: { zh: '群众通知模板', en: 'Reporter messages' },
      testId: 'nav-reporter-messages',
    },
  ],
};
