import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { validateTemplate } from './template-store.js';
import { compose, DEFAULT_TEMPLATES, PLACEHOLDERS } from './update-templates.js';

describe('reporter message templates', () => {
  it('accepts every default, and each default names only its own placeholders', () => {
    for (const [action, t] of Object.entries(DEFAULT_TEMPLATES)) {
      validateTemplate(action, t.zh);
      validateTemplate(action, t.en);
    }
    expect(PLACEHOLDERS.assign).toEqual(expect.arrayContaining(['unit', 'deadline', 'shortCode']));
  });

  it('refuses an unknown placeholder and names the allowed ones', () => {
    try {
      validateTemplate('accept', { title: '已受理', body: '{code} 由 {unit} 办理' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('validation_failed');
      expect((err as AppError).message).toContain('{unit}');
      expect((err as AppError).details).toMatchObject({ field: 'body', unknown: ['unit'] });
    }
    expect(() => validateTemplate('nope', { title: 'a', body: 'b' })).toThrow(/no message template/);
  });

  it('composes Chinese first, then English, filling every value', () => {
    const m = compose(DEFAULT_TEMPLATES.assign, {
      code: 'QD-1',
      title: '路灯',
      shortCode: 'K7QX-M3RP',
      link: 'L',
      unit: '城管',
      deadline: '2026-12-20',
    });
    expect(m.title).toBe('您反映的问题已交办 / Your report was assigned');
    expect(m.body.split('\n')[0]).toContain('已交城管办理，期限2026-12-20');
    expect(m.body.split('\n')[1]).toBe('Assigned to 城管, due 2026-12-20.');
  });
});
