/**
 * The messages reporters receive at each public step of their report, in Chinese then English.
 * `{code}`, `{title}`, `{unit}`, `{deadline}`, `{reason}` and `{link}` are filled in.
 */
export const UPDATE_TEMPLATES: Record<string, { title: string; body: string }> = {
  accept: {
    title: '您反映的问题已受理 / Your report was accepted',
    body: '【清单】您反映的“{title}”({code})已受理。Your report {code} was accepted. {link}',
  },
  assign: {
    title: '您反映的问题已交办 / Your report was assigned',
    body: '【清单】“{title}”({code})已交{unit}办理，期限{deadline}。Assigned to {unit}, due {deadline}. {link}',
  },
  rectify: {
    title: '已整改，请您验证 / Rectified: please verify',
    body: '【清单】“{title}”({code})已整改完成，请验证评价。Rectified: please verify and rate. {link}',
  },
  close: {
    title: '您反映的问题已办结 / Your report was closed',
    body: '【清单】“{title}”({code})已办结，感谢您的监督。Your report {code} is closed. {link}',
  },
  reject: {
    title: '您反映的问题未予受理 / Your report was not accepted',
    body: '【清单】“{title}”({code})未予受理：{reason}。Not accepted: {reason}. {link}',
  },
  return: {
    title: '您反映的问题已退回重办 / Your report was returned',
    body: '【清单】“{title}”({code})已退回重新办理：{reason}。Returned: {reason}. {link}',
  },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
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
