import type { zhWork } from './zh-work.js';

export const enWork: Record<keyof typeof zhWork, string> = {
  'board.search': 'Search titles or codes',
  'board.searchButton': 'Search',
  'board.unit': 'Responsible unit',
  'board.area': 'Area',
  'board.showing': '{from}–{to} of {total}',
  'board.none': 'No warnings match',
  'board.noMissing': 'No item is missing its weekly report',
  'board.pager': 'Pages',
};
