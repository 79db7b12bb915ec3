export type TemplateLang = 'zh' | 'en';
export interface MessageTemplate {
  title: string;
  body: string;
}

const COMMON = ['code', 'title', 'shortCode', 'link'];

/**
 * The placeholders each message may use; anything else in `{…}` is refused when an admin edits a
 * template (a typo would otherwise reach every reporter as an empty gap).
 */
export const PLACEHOLDERS: Record<string, string[]> = {
  accept: COMMON,
  assign: [...COMMON, 'unit', 'deadline'],
  rectify: COMMON,
  close: COMMON,
  reject: [...COMMON, 'reason'],
  return: [...COMMON, 'reason'],
};

/**
 * The default messages reporters receive at each public step of their report, Chinese then
 * English (a message carries both); admins may override each (src/residents/template-store.ts).
 */
export const DEFAULT_TEMPLATES: Record<string, Record<TemplateLang, MessageTemplate>> = {
  accept: {
    zh: { title: '您反映的问题已受理', body: '【清单】您反映的“{title}”({code})已受理，查询码 {shortCode}。{link}' },
    en: { title: 'Your report was accepted', body: 'Your report {code} was accepted (tracking code {shortCode}).' },
  },
  assign: {
    zh: {
      title: '您反映的问题已交办',
      body: '【清单】“{title}”({code})已交{unit}办理，期限{deadline}。查询码 {shortCode}。{link}',
    },
    en: { title: 'Your report was assigned', body: 'Assigned to {unit}, due {deadline}.' },
  },
  rectify: {
    zh: {
      title: '已整改，请您验证',
      body: '【清单】“{title}”({code})已整改完成，请验证评价（查询码 {shortCode}）。{link}',
    },
    en: { title: 'Rectified: please verify', body: 'Rectified: please verify and rate with code {shortCode}.' },
  },
  close: {
    zh: { title: '您反映的问题已办结', body: '【清单】“{title}”({code})已办结，感谢您的监督。{link}' },
    en: { title: 'Your report was closed', body: 'Your report {code} is closed.' },
  },
  reject: {
    zh: { title: '您反映的问题未予受理', body: '【清单】“{title}”({code})未予受理：{reason}。{link}' },
    en: { title: 'Your report was not accepted', body: 'Not accepted: {reason}.' },
  },
  return: {
    zh: { title: '您反映的问题已退回重办', body: '【清单】“{title}”({code})已退回重新办理：{reason}。{link}' },
    en: { title: 'Your report was returned', body: 'Returned: {reason}.' },
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** One message in both languages, Chinese first, as reporters have always received it. */
export function compose(t: Record<TemplateLang, MessageTemplate>, values: Record<string, string>) {
  return {
    title: `${fill(t.zh.title, values)} / ${fill(t.en.title, values)}`,
    body: `${fill(t.zh.body, values)}\n${fill(t.en.body, values)}`,
  };
}

/** Local hour in the city's time zone, for quiet hours. */
export function localHour(instant: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant));
}

/** SMS is not sent between 22:00 and 08:00 local time; it waits for 08:00 (e-mail goes at once). */
export function afterQuietHours(instant: Date, timeZone: string): Date {
  const hour = localHour(instant, timeZone);
  if (hour >= 8 && hour < 22) return instant;
  const hoursToEight = (8 - hour + 24) % 24;
  const minutes = instant.getUTCMinutes();
  return new Date(instant.getTime() + hoursToEight * 3_600_000 - minutes * 60_000 - instant.getUTCSeconds() * 1000);
}
