import { defineFeature } from '../feature.js';
import { supervisionFeature } from '../supervision/supervision.feature.js';
import { registerLetterCommands } from './letter-commands.js';
import { recordOverdueLetters } from './letter-events.js';
import { letterRoutes } from './letter.routes.js';
import { letterService, type LetterService } from './letter.service.js';
import { seedLettersDemo } from './letters-demo.js';
import type { SupervisionRuntime } from '../supervision/runtime.js';

export interface LettersState {
  rt: SupervisionRuntime;
  letters: LetterService;
}

/**
 * Supervision letters (督办函) and summons (约谈) as numbered records (docs/supervision-letters.md):
 * issued on an item to a unit with a reply deadline in working days, printable as PDF,
 * acknowledged and answered by the unit; unanswered ones are flagged on the item's timeline.
 */
export const lettersFeature = defineFeature<LettersState>({
  name: 'letters',
  install: (k) => {
    const rt = k.of(supervisionFeature);
    return { rt, letters: letterService(rt) };
  },
  jobs: (s) => [
    {
      name: 'letters-overdue',
      description: 'flag letters and summons with no reply past their deadline on the item and tell the unit (daily)',
      slot: () => s.rt.today(),
      run: async () => recordOverdueLetters(s.rt),
    },
  ],
  routes: (s, k) => letterRoutes(s.letters, k.config.hall.pdfFont),
  cli: registerLetterCommands,
  demo: (s, _k, demo) => seedLettersDemo(s, demo),
});
