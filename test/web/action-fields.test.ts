import { describe, expect, it } from 'vitest';
import { ACTIONS, TRANSITIONS } from '../../src/lifecycle/lifecycle.js';
import { ACTION_FIELDS, fieldsFor, missingFields, toBody } from '../../web/src/lib/action-fields.js';

const required = (action: string) =>
  fieldsFor(action)
    .filter((f) => f.required)
    .map((f) => f.name);

describe('action forms in the UI', () => {
  // The table, written out: a change to the lifecycle's requirements shows up here and in the forms.
  it.each([
    ['accept', []],
    ['reject', ['reason']],
    ['merge', ['targetCode']],
    ['assign', ['leadDepartmentId']],
    ['sign', []],
    ['return', ['reason']],
    ['progress', ['text', 'percent']],
    ['rectify', ['evidence']],
    ['verify', ['result']],
    ['close', []],
    ['reopen', ['reason']],
    ['long_term', ['checkpointDate']],
    ['note', ['text']],
  ] as const)('%s requires %j', (action, fields) => {
    expect(required(action)).toEqual(fields);
  });

  it.each(ACTIONS)('%s: the form asks for everything the lifecycle table requires', (action) => {
    const names = ACTION_FIELDS[action].map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(TRANSITIONS[action].requires));
    expect(required(action)).toEqual(TRANSITIONS[action].requires);
  });

  it('gives an action it does not know an empty form', () => {
    expect(fieldsFor('escalate')).toEqual([]);
  });

  it('names the required fields left empty and builds the body the server takes', () => {
    const specs = fieldsFor('progress');
    expect(missingFields(specs, { text: '  ', percent: '' })).toEqual(['text', 'percent']);
    expect(missingFields(specs, { text: '已完成一半', percent: '50' })).toEqual([]);
    expect(toBody(specs, { text: ' 已完成一半 ', percent: '49.6' }, [7])).toEqual({
      text: '已完成一半',
      percent: 50,
      attachmentIds: [7],
    });
    expect(
      toBody(fieldsFor('assign'), { leadDepartmentId: '3', coDepartmentIds: ['4', '5'], measures: '' }, []),
    ).toEqual({ leadDepartmentId: 3, coDepartmentIds: [4, 5] });
  });
});
