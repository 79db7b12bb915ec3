import { lazy } from 'react';
import type { WebFeature } from '../../feature.js';
import type { Role } from '../../api/auth.js';

const STAFF: Role[] = ['admin', 'acceptance', 'supervisor', 'leader', 'department'];

/**
 * The campaign's instruments (docs/campaigns.md): the public campaigns and their figures; visits,
 * forums, subjects and campaigns with plans, enforcement and residents' panels in the back office.
 */
export const campaignsFeature: WebFeature = {
  name: 'campaigns',
  figures: lazy(() => import('./FiguresBox.js')),
  itemPanels: lazy(() => import('./ItemPanels.js')),
  pages: [
    {
      path: '/campaigns',
      page: lazy(() => import('./CampaignsPublic.js')),
      nav: { zh: '专项整治', en: 'Campaigns' },
      testId: 'nav-campaigns',
    },
    { path: '/campaigns/:id', page: lazy(() => import('./CampaignPublic.js')) },
  ],
  admin: [
    {
      path: '/admin/campaigns',
      page: lazy(() => import('./AdminCampaigns.js')),
      roles: STAFF,
      nav: { zh: '专项整治', en: 'Campaigns' },
      testId: 'nav-admin-campaigns',
    },
    { path: '/admin/campaigns/:id', page: lazy(() => import('./AdminCampaign.js')), roles: STAFF },
    {
      path: '/admin/visits',
      page: lazy(() => import('./AdminVisits.js')),
      roles: STAFF,
      nav: { zh: '调研走访', en: 'Field research' },
      testId: 'nav-visits',
    },
    { path: '/admin/visits/:id', page: lazy(() => import('./AdminVisit.js')), roles: STAFF },
    {
      path: '/admin/forums',
      page: lazy(() => import('./AdminForums.js')),
      roles: STAFF,
      nav: { zh: '座谈会', en: 'Forums' },
      testId: 'nav-forums',
    },
    { path: '/admin/forums/:id', page: lazy(() => import('./AdminForum.js')), roles: STAFF },
    {
      path: '/admin/subjects',
      page: lazy(() => import('./AdminSubjects.js')),
      roles: STAFF,
      nav: { zh: '整改对象', en: 'Subjects' },
      testId: 'nav-subjects',
    },
    { path: '/admin/subjects/:id', page: lazy(() => import('./AdminSubject.js')), roles: STAFF },
    {
      path: '/admin/programmes',
      page: lazy(() => import('./AdminProgrammes.js')),
      roles: STAFF,
      nav: { zh: '重大项目', en: 'Programmes' },
      testId: 'nav-programmes',
    },
    { path: '/admin/programmes/:code', page: lazy(() => import('./AdminProgramme.js')), roles: STAFF },
  ],
};
