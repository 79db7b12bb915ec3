import { describe, expect, it } from 'vitest';
import {
  decide,
  OPEN_STATES,
  STATES,
  TRANSITIONS,
  type Action,
  type ActorContext,
  type State,
} from '../lifecycle/lifecycle.js';
import {
  FMS_STATUSES,
  fmsStatus,
  fmsStatusForEvent,
  open311Status,
  open311StatusForEvent,
  statesForOpen311Status,
} from './status-map.js';

describe('open311Status', () => {
  it.each<[State, 'open' | 'closed']>([
    ['submitted', 'open'],
    ['accepted', 'open'],
    ['assigned', 'open'],
    ['in_progress', 'open'],
    ['long_term', 'open'],
    ['rectified', 'open'],
    ['rejected', 'closed'],
    ['merged', 'closed'],
    ['verified', 'closed'],
    ['closed', 'closed'],
  ])('%s is %s', (state, status) => {
    expect(open311Status(state)).toBe(status);
  });

  it('agrees with the lifecycle open-work states', () => {
    for (const s of STATES) expect(open311Status(s) === 'open').toBe(OPEN_STATES.includes(s));
  });

  it('inverts for status filters', () => {
    expect(statesForOpen311Status(['open'])).toEqual(OPEN_STATES);
    expect(statesForOpen311Status(['closed']).sort()).toEqual(['closed', 'merged', 'rejected', 'verified']);
    expect(statesForOpen311Status(['open', 'closed'])).toEqual([...STATES]);
    expect(statesForOpen311Status([])).toEqual([]);
  });
});

describe('fmsStatus', () => {
  it.each<[State, string]>([
    ['submitted', 'OPEN'],
    ['accepted', 'INVESTIGATING'],
    ['rejected', 'CLOSED'],
    ['merged', 'DUPLICATE'],
    ['assigned', 'ACTION_SCHEDULED'],
    ['in_progress', 'IN_PROGRESS'],
    ['long_term', 'IN_PROGRESS'],
    ['rectified', 'FIXED'],
    ['verified', 'FIXED'],
    ['closed', 'FIXED'],
  ])('%s → %s', (state, status) => {
    expect(fmsStatus(state)).toBe(status);
  });

  it('only produces statuses FixMyStreet knows', () => {
    for (const s of STATES) expect(FMS_STATUSES).toContain(fmsStatus(s));
  });
});

describe('statuses of lifecycle events', () => {
  const admin: ActorContext = {
    role: 'admin',
    inLeadScope: true,
    inCoScope: true,
    hasToken: false,
    isOwnerLeader: false,
  };
  const input: Record<string, unknown> = {
    reason: 'r',
    targetCode: 'JZ-1',
    leadDepartmentId: 1,
    text: 't',
    percent: 50,
    evidence: 'e',
    result: 'satisfied',
    checkpointDate: '2027-01-01',
  };

  it('maps every transition the lifecycle allows', () => {
    let checked = 0;
    for (const action of Object.keys(TRANSITIONS) as Action[]) {
      for (const from of TRANSITIONS[action].from) {
        const d = decide(from, action, admin, input);
        if (!d.ok) continue;
        const toState = TRANSITIONS[action].to === null ? null : d.to;
        const event = { action, fromState: from, toState };
        expect(open311StatusForEvent(event)).toBe(open311Status(d.to));
        expect(FMS_STATUSES).toContain(fmsStatusForEvent(event));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('reads a reopen and a failed verification (redo) as REOPEN', () => {
    expect(fmsStatusForEvent({ action: 'reopen', fromState: 'closed', toState: 'in_progress' })).toBe('REOPEN');
    expect(fmsStatusForEvent({ action: 'reopen', fromState: 'rejected', toState: 'accepted' })).toBe('REOPEN');
    expect(fmsStatusForEvent({ action: 'verify', fromState: 'rectified', toState: 'in_progress' })).toBe('REOPEN');
    expect(open311StatusForEvent({ action: 'reopen', fromState: 'closed', toState: 'in_progress' })).toBe('open');
  });

  it('reads other events by the state they lead to', () => {
    expect(fmsStatusForEvent({ action: 'assign', fromState: 'accepted', toState: 'assigned' })).toBe(
      'ACTION_SCHEDULED',
    );
    expect(fmsStatusForEvent({ action: 'verify', fromState: 'rectified', toState: 'verified' })).toBe('FIXED');
    expect(fmsStatusForEvent({ action: 'merge', fromState: 'submitted', toState: 'merged' })).toBe('DUPLICATE');
    expect(fmsStatusForEvent({ action: 'return', fromState: 'assigned', toState: 'accepted' })).toBe('INVESTIGATING');
    expect(open311StatusForEvent({ action: 'close', fromState: 'verified', toState: 'closed' })).toBe('closed');
  });

  it('keeps the current state for events that do not change it', () => {
    expect(fmsStatusForEvent({ action: 'progress', fromState: 'long_term', toState: null })).toBe('IN_PROGRESS');
    expect(fmsStatusForEvent({ action: 'note', fromState: 'rectified', toState: null })).toBe('FIXED');
    expect(() => fmsStatusForEvent({ action: 'note', fromState: null, toState: null })).toThrow(/neither/);
  });
});
