import { describe, expect, it } from 'vitest';
import { eventText, stateNotice, submitNotice } from './open311-notes.js';
import { reporterName } from './open311-submit.js';

describe('eventText', () => {
  it.each([
    ['accept', {}, null, '已受理。', 'Accepted for handling.'],
    ['reject', {}, '不属于本市职责', '不予受理：不属于本市职责', 'Not accepted: 不属于本市职责'],
    [
      'merge',
      { targetCode: 'JZ-2026-000001' },
      null,
      '与 JZ-2026-000001 重复，已合并办理。',
      'Duplicate of JZ-2026-000001.',
    ],
    [
      'assign',
      { leadDepartmentName: '市水利和湖泊局', deadline: '2026-12-01' },
      null,
      '已交办市水利和湖泊局，限 2026-12-01 前办结。',
      'Assigned to 市水利和湖泊局. Due by 2026-12-01.',
    ],
    ['sign', {}, null, '承办单位已签收。', 'The responsible department has taken the case.'],
    ['progress', { text: '管网已铺设', percent: 60 }, null, '管网已铺设（进度 60%）', '管网已铺设 (60% done)'],
    ['rectify', { evidence: '已通水' }, null, '已通水', '已通水'],
    [
      'verify',
      { result: 'basically_satisfied', comment: '水压偏小' },
      null,
      '核实结果：基本满意。水压偏小',
      'Verification: basically satisfied. 水压偏小',
    ],
    ['close', { note: null }, null, '已办结。', 'Closed.'],
    ['reopen', {}, '群众再次反映', '重新办理：群众再次反映', 'Reopened: 群众再次反映'],
    [
      'long_term',
      { checkpointDate: '2027-03-01' },
      null,
      '列为长期整改，下次检查 2027-03-01。',
      'Long-term rectification. Next checkpoint 2027-03-01.',
    ],
  ] as const)('%s', (action, payload, reason, zh, en) => {
    expect(eventText(action, payload, reason)).toBe(zh);
    expect(eventText(action, payload, reason, 'en')).toBe(en);
  });

  it('says nothing for events it does not know', () => {
    expect(eventText('warning_raised', { level: 'red' }, null)).toBeNull();
  });

  it('has a submit notice in both languages', () => {
    expect(submitNotice()).toContain('service_request_id');
    expect(submitNotice('en')).toContain('service_request_id');
  });
});

describe('reporterName', () => {
  it('writes Chinese names family name first', () => {
    expect(reporterName('小明', '王')).toBe('王小明');
    expect(reporterName('Ming', 'Wang')).toBe('Ming Wang');
    expect(reporterName(undefined, '王')).toBe('王');
    expect(reporterName()).toBeUndefined();
  });
});

describe('stateNotice', () => {
  it('explains open states, rectified above all, and says nothing of closed ones', () => {
    expect(stateNotice('rectified')).toBe('承办单位报告已整改，待核实。');
    expect(stateNotice('rectified', 'en')).toBe('Reported fixed; awaiting verification.');
    for (const s of ['rejected', 'merged', 'verified', 'closed']) expect(stateNotice(s)).toBeNull();
  });
});
