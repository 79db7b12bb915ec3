/**
 * Every action's effect, written out by hand: a change to what an action does must show up as a
 * deliberate edit of this table (the API, the sheet import and bulk seeding all follow it).
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from '../lifecycle/lifecycle.js';
import { AppError } from '../errors.js';
import { EFFECTS, type Effect, type EffectRow, type Facts, type Input, recordedState } from './action-effects.js';

const NOW = '2026-12-01T02:00:00.000Z';
const ROW: EffectRow = {
  id: 7,
  code: 'JZ-2026-000007',
  report_count: 2,
  category_id: 4,
  lead_department_id: 3,
  owner_leader_id: null,
  responsible_person: '王科长',
  measures: null,
  redo_count: 0,
  progress_percent: 60,
  urgency: 'normal',
};
const FACTS: Facts = {
  now: NOW,
  today: '2026-12-01', // a Tuesday
  departments: new Map([
    [3, '城管局'],
    [4, '住建局'],
    [5, '交通局'],
  ]),
  target: { id: 9, code: 'JZ-2026-000009', status: 'accepted', report_count: 3 },
  leaderRole: 'leader',
  tier: 'simple',
};

type Case = [name: string, action: Action, input: Input, expected: Effect, facts?: Partial<Facts>];
const CASES: Case[] = [
  ['accept', 'accept', {}, { patch: {}, payload: { note: null }, reason: null }],
  ['accept with a note', 'accept', { note: '属实' }, { patch: {}, payload: { note: '属实' }, reason: null }],
  ['reject', 'reject', { reason: '不属于' }, { patch: {}, payload: {}, reason: '不属于' }],
  [
    'merge',
    'merge',
    { targetCode: 'JZ-2026-000009' },
    {
      patch: { merged_into_id: 9 },
      payload: { targetCode: 'JZ-2026-000009' },
      reason: null,
      master: {
        patch: { report_count: 5, updated_at: NOW },
        payload: { duplicateCode: 'JZ-2026-000007', reportCount: 5 },
      },
    },
  ],
  [
    'assign with a default deadline (5 working days)',
    'assign',
    { leadDepartmentId: 4, coDepartmentIds: [4, 5] },
    {
      patch: {
        lead_department_id: 4,
        deadline: '2026-12-08',
        owner_leader_id: null,
        responsible_person: '王科长',
        measures: null,
        assigned_at: NOW,
        signed_at: null,
      },
      payload: {
        leadDepartmentId: 4,
        leadDepartmentName: '住建局',
        coDepartmentIds: [5],
        coDepartmentNames: ['交通局'],
        deadline: '2026-12-08',
        deadlineDefaulted: true,
        ownerLeaderId: null,
      },
      reason: null,
      coDepartments: [5],
    },
  ],
  [
    'assign with everything given',
    'assign',
    { leadDepartmentId: 3, deadline: '2026-12-31', ownerLeaderId: 12, responsiblePerson: '李主任', measures: '修复' },
    {
      patch: {
        lead_department_id: 3,
        deadline: '2026-12-31',
        owner_leader_id: 12,
        responsible_person: '李主任',
        measures: '修复',
        assigned_at: NOW,
        signed_at: null,
      },
      payload: {
        leadDepartmentId: 3,
        leadDepartmentName: '城管局',
        coDepartmentIds: [],
        coDepartmentNames: [],
        deadline: '2026-12-31',
        deadlineDefaulted: false,
        ownerLeaderId: 12,
      },
      reason: null,
      coDepartments: [],
    },
  ],
  [
    'assign: the deadline policy and tier come from the facts',
    'assign',
    { leadDepartmentId: 3 },
    expect.objectContaining({ patch: expect.objectContaining({ deadline: '2026-12-11' }) }),
    { tier: 'immediate', deadlines: { defaultDeadline: (from, tier) => (tier === 'immediate' ? '2026-12-11' : from) } },
  ],
  ['sign', 'sign', {}, { patch: { signed_at: NOW }, payload: { note: null }, reason: null }],
  [
    'return',
    'return',
    { reason: '不属本单位' },
    {
      patch: { lead_department_id: null, deadline: null, signed_at: null, assigned_at: null },
      payload: { previousLeadDepartmentId: 3 },
      reason: '不属本单位',
      coDepartments: [],
    },
  ],
  [
    'progress',
    'progress',
    { text: '已完成一半', percent: 50 },
    { patch: { progress_percent: 50 }, payload: { text: '已完成一半', percent: 50 }, reason: null },
  ],
  [
    'rectify',
    'rectify',
    { evidence: '已修复' },
    { patch: { rectified_at: NOW, progress_percent: 100 }, payload: { evidence: '已修复' }, reason: null },
  ],
  [
    'verify by callback',
    'verify',
    { result: 'satisfied', rating: 5 },
    {
      patch: { satisfaction: 'satisfied' },
      payload: { result: 'satisfied', rating: 5, comment: null, method: 'callback' },
      reason: null,
    },
  ],
  [
    'verify by the token holder, unsatisfied: redo',
    'verify',
    { result: 'unsatisfied', comment: '没修好' },
    {
      patch: { satisfaction: 'unsatisfied', redo_count: 1, rectified_at: null, progress_percent: 60 },
      payload: { result: 'unsatisfied', rating: null, comment: '没修好', method: 'reporter' },
      reason: null,
    },
    { hasToken: true },
  ],
  ['close', 'close', { note: '销号' }, { patch: { closed_at: NOW }, payload: { note: '销号' }, reason: null }],
  [
    'reopen',
    'reopen',
    { reason: '复发' },
    { patch: { closed_at: null, rectified_at: null }, payload: {}, reason: '复发' },
  ],
  [
    'long_term',
    'long_term',
    { checkpointDate: '2027-03-01', reason: '分期' },
    { patch: { checkpoint_date: '2027-03-01' }, payload: { checkpointDate: '2027-03-01' }, reason: '分期' },
  ],
  ['note', 'note', { text: '已电话联系' }, { patch: {}, payload: { text: '已电话联系' }, reason: null }],
];

describe('action effects', () => {
  it.each(CASES)('%s', (_name, action, input, expected, facts) => {
    expect(EFFECTS[action](ROW, input, { ...FACTS, ...facts })).toStrictEqual(expected);
  });

  it('covers every lifecycle action', () => {
    expect(new Set(CASES.map((c) => c[1]))).toEqual(new Set(ACTIONS));
    expect(Object.keys(EFFECTS).sort()).toEqual([...ACTIONS].sort());
  });

  it('plans a merge without ids or codes (bulk seeding fills them in later)', () => {
    const { id: _id, code: _code, ...planned } = ROW;
    const e = EFFECTS.merge(
      planned,
      { targetCode: 'pending' },
      {
        ...FACTS,
        target: { id: null, code: null, status: 'submitted', report_count: 1 },
      },
    );
    expect(e.patch).toEqual({ merged_into_id: null });
    expect(e.payload).toEqual({ targetCode: null });
    expect(e.master!.payload).toEqual({ duplicateCode: null, reportCount: 3 });
  });

  const REFUSALS: Array<[Action, Input, Partial<Facts>, string, string]> = [
    ['merge', { targetCode: 'JZ-X' }, { target: null }, 'targetCode', 'item JZ-X does not exist'],
    [
      'merge',
      { targetCode: 'JZ-2026-000007' },
      { target: { id: 7, code: 'JZ-2026-000007', status: 'submitted', report_count: 1 } },
      'targetCode',
      'an item cannot be merged into itself',
    ],
    [
      'merge',
      { targetCode: 'JZ-2026-000009' },
      { target: { id: 9, code: 'JZ-2026-000009', status: 'merged', report_count: 1 } },
      'targetCode',
      'item JZ-2026-000009 is itself a duplicate; merge into its master',
    ],
    ['assign', { leadDepartmentId: 99 }, {}, 'leadDepartmentId', 'department 99 does not exist'],
    [
      'assign',
      { leadDepartmentId: 3, coDepartmentIds: [4, 98] },
      {},
      'coDepartmentIds',
      'department 98 does not exist',
    ],
    [
      'assign',
      { leadDepartmentId: 3, ownerLeaderId: 2 },
      { leaderRole: 'admin' },
      'ownerLeaderId',
      'user 2 is not a leader',
    ],
    [
      'assign',
      { leadDepartmentId: 3, ownerLeaderId: 2 },
      { leaderRole: null },
      'ownerLeaderId',
      'user 2 is not a leader',
    ],
    ['assign', { leadDepartmentId: 3, deadline: '2026-11-30' }, {}, 'deadline', 'the deadline is in the past'],
    ['verify', { result: 'satisfied', rating: 2 }, {}, 'rating', 'a rating of 2 means "unsatisfied", not "satisfied"'],
  ];
  it.each(REFUSALS)('refuses %s %j', (action, input, facts, field, message) => {
    let caught: unknown;
    try {
      EFFECTS[action](ROW, input, { ...FACTS, ...facts });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'validation_failed', message, details: { field } });
  });

  it('records the new state unless the action never changes it', () => {
    expect(recordedState('sign', 'assigned', 'in_progress')).toBe('in_progress');
    expect(recordedState('long_term', 'long_term', 'long_term')).toBe('long_term');
    expect(recordedState('progress', 'in_progress', 'in_progress')).toBeNull();
    expect(recordedState('note', 'closed', 'closed')).toBeNull();
  });
});
