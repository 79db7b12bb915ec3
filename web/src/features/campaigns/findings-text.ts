import type { Finding } from './api.js';
import { lines } from './shared.js';

/** "标题｜描述" lines into findings; a leading * marks a livelihood (民生) problem. */
export const parseFindings = (text: string): Finding[] =>
  lines(text, /[|｜]/).map(([head, description]) => {
    const livelihood = head.startsWith('*');
    const title = head.replace(/^\*/, '').trim();
    return { title, description: description || title, livelihood };
  });
