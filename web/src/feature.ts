import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from './api/auth.js';

type Page = ComponentType<{ params: Record<string, string> }>;
type LazyPage = LazyExoticComponent<Page> | Page;

/** A text in both languages: features keep their own messages (see i18n/feature-messages.ts). */
export interface Label {
  zh: string;
  en: string;
}

/**
 * How a feature adds pages to the UI: public pages (with a link in the site's menu if it has a
 * label), back-office sections (a link in the side bar for the roles that may use them), and pages
 * without a link (item pages, forms). Paths may have parameters (`/visits/:id`), given to the page
 * as `params`. Pages are lazy chunks: a visitor downloads a feature only when opening it.
 * `web/src/features.ts` lists every feature; a new one is a folder under `web/src/features/` plus
 * one line there, like the server's `src/features.ts`.
 */
export interface WebFeature {
  name: string;
  pages?: Array<{ path: string; page: LazyPage; nav?: Label; testId?: string }>;
  admin?: Array<{ path: string; page: LazyPage; roles: Role[]; nav?: Label; testId?: string }>;
  /** Headline figures of the feature, shown with the home page's and the boards' statistics. */
  figures?: LazyExoticComponent<ComponentType<{ detail?: boolean }>>;
  /** What the feature adds to an item's public page, below its facts (nothing where it has nothing). */
  itemPanels?: LazyExoticComponent<ComponentType<{ code: string }>>;
}
