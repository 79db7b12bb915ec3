import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import { parseSupervisionConfig } from './supervision-config.js';

describe('supervision configuration from the environment', () => {
  it('has working defaults with no channels', () => {
    const c = parseSupervisionConfig({});
    expect(c).toMatchObject({
      smtp: null,
      webhook: null,
      weeklyReportWeekday: 5,
      jobsEnabled: true,
      jobTickSeconds: 60,
    });
    expect(c.thresholds).toEqual({ blueWithinWorkingDays: 3, yellowBehindPoints: 10, redBehindPoints: 30 });
    expect(c.rates.weights).toEqual({ response: 0.1, resolution: 0.5, satisfaction: 0.4 });
  });

  it('reads channels, thresholds and weights', () => {
    const c = parseSupervisionConfig({
      SMTP_HOST: 'mail.jingzhou.gov.cn',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'qd',
      SMTP_PASS: 'x',
      QINGDAN_WEBHOOK_URL: 'https://sms.example/hook',
      QINGDAN_WEBHOOK_SECRET: 's',
      QINGDAN_WEEKLY_REPORT_WEEKDAY: '1',
      QINGDAN_WARN_BLUE_DAYS: '5',
      QINGDAN_WARN_YELLOW_POINTS: '15',
      QINGDAN_WARN_RED_POINTS: '40',
      QINGDAN_RATE_WEIGHTS: '2,5,3',
      QINGDAN_JOBS: 'off',
    });
    expect(c.smtp).toMatchObject({ host: 'mail.jingzhou.gov.cn', port: 465, secure: true, user: 'qd' });
    expect(c.webhook).toEqual({ url: 'https://sms.example/hook', secret: 's' });
    expect(c).toMatchObject({
      weeklyReportWeekday: 1,
      jobsEnabled: false,
      thresholds: { blueWithinWorkingDays: 5, yellowBehindPoints: 15, redBehindPoints: 40 },
    });
    expect(c.rates.weights).toEqual({ response: 2, resolution: 5, satisfaction: 3 });
  });

  it('names the variable that is wrong', () => {
    expect(() => parseSupervisionConfig({ QINGDAN_WEEKLY_REPORT_WEEKDAY: '8' })).toThrow(
      /QINGDAN_WEEKLY_REPORT_WEEKDAY/,
    );
    expect(() => parseSupervisionConfig({ QINGDAN_WEBHOOK_URL: 'https://x.example' })).toThrow(
      /QINGDAN_WEBHOOK_SECRET/,
    );
    expect(() => parseSupervisionConfig({ SMTP_URL: 'http://mail' })).toThrow(ConfigError);
    expect(() => parseSupervisionConfig({ QINGDAN_WARN_YELLOW_POINTS: '50' })).toThrow(/must not exceed/);
    expect(() => parseSupervisionConfig({ QINGDAN_RATE_WEIGHTS: '1,2' })).toThrow(/QINGDAN_RATE_WEIGHTS/);
  });
});
