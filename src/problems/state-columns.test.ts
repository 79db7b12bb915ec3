import { describe, expect, it } from 'vitest';
import { decide, STATES, type State } from '../lifecycle/lifecycle.js';
import { impliedProgress, ROADS, STATE_COLUMNS } from './state-columns.js';

const ADMIN = { role: 'admin' as const, inLeadScope: true, inCoScope: true, hasToken: false, isOwnerLeader: false };

// Written out by hand: [assigned_at, signed_at, rectified_at, closed_at, progress].
const EXPECTED: Record<State, [boolean, boolean, boolean, boolean, number | null]> = {
  submitted: [false, false, false, false, null],
  accepted: [false, false, false, false, null],
  rejected: [false, false, false, false, null],
  merged: [false, false, false, false, null],
  assigned: [true, false, false, false, null],
  in_progress: [true, true, false, false, null],
  long_term: [true, true, false, false, null],
  rectified: [true, true, true, false, 100],
  verified: [true, true, true, false, 100],
  closed: [true, true, true, true, 100],
};

describe('columns a state implies', () => {
  it.each(STATES)('%s', (state) => {
    const { stamped, progress } = STATE_COLUMNS[state];
    expect([stamped.assigned_at, stamped.signed_at, stamped.rectified_at, stamped.closed_at, progress]).toEqual(
      EXPECTED[state],
    );
  });

  it.each(STATES)('reaches %s along its road through the lifecycle table', (state) => {
    let at: State = 'submitted';
    for (const [action, input] of ROADS[state]) {
      const d = decide(at, action, ADMIN, input);
      if (!d.ok) throw new Error(`${action} from ${at}: ${d.message}`);
      at = d.to;
    }
    expect(at).toBe(state);
  });

  it('leaves progress to the reports where no state decides it', () => {
    expect(impliedProgress('closed')).toBe(100);
    expect(impliedProgress('in_progress')).toBeNull();
    expect(impliedProgress('no_such_state')).toBeNull();
  });
});
