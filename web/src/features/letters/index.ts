import { lazy } from 'react';
import type { WebFeature } from '../../feature.js';

/**
 * Supervision letters (督办函) and summons (约谈), docs/supervision-letters.md: the office issues
 * and follows them up; the addressed unit acknowledges and replies, on the same page.
 */
export const lettersFeature: WebFeature = {
  name: 'letters',
  admin: [
    {
      path: '/admin/letters',
      page: lazy(() => import('./LettersPage.js')),
      roles: ['admin', 'supervisor', 'leader', 'department'],
      nav: { zh: '督办函', en: 'Letters' },
      testId: 'nav-letters',
    },
  ],
};
