import { lazy } from 'react';
import type { WebFeature } from '../../feature.js';

/**
 * Hot spots (热点问题, docs/history.md): the public hot topics (a page and the home page's panel),
 * "me too" on an item's page, and the office's clusters with promotion and attachment.
 */
export const hotspotsFeature: WebFeature = {
  name: 'hotspots',
  figures: lazy(() => import('./HomeHotTopics.js')),
  itemPanels: lazy(() => import('./MetooButton.js')),
  pages: [
    {
      path: '/hot',
      page: lazy(() => import('./HotTopics.js')),
      nav: { zh: '热点问题', en: 'Hot topics' },
      testId: 'nav-hot',
    },
  ],
  admin: [
    {
      path: '/admin/hotspots',
      page: lazy(() => import('./AdminHotspots.js')),
      roles: ['admin', 'acceptance', 'supervisor', 'leader'],
      nav: { zh: '热点聚类', en: 'Hot spots' },
      testId: 'nav-hotspots',
    },
  ],
};
