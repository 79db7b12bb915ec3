import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../supervision/supervision-config.js';
import type { Channel, OutgoingMessage } from './channels.js';

const KIND_NAMES: Record<string, string> = {
  assignment: '交办',
  reminder: '催办',
  warning: '预警',
  return: '退单',
  verification: '验收结果',
  summons: '约谈',
  supervision: '督办',
  extension: '延期',
  application: '办件',
  rating: '好差评',
};

/** E-mail over SMTP (nodemailer). Plain text: officials read these on every kind of client. */
export function emailChannel(config: SmtpConfig): Channel {
  const transport = nodemailer.createTransport(
    config.url ?? {
      host: config.host ?? 'localhost',
      port: config.port,
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: config.pass ?? '' } : undefined,
    },
  );
  return {
    name: 'email',
    address: (r) => r.email,
    async send(address: string, m: OutgoingMessage) {
      const label = KIND_NAMES[m.kind] ?? m.kind;
      await transport.sendMail({
        from: config.from,
        to: address,
        subject: `【清单·${label}】${m.title}`,
        text:
          `${m.recipient.displayName}：\n\n${m.body}\n` +
          `${m.problemCode ? `\n事项编号 Item: ${m.problemCode}\n` : ''}\n—— 清单 Qingdan`,
        headers: { 'X-Qingdan-Kind': m.kind },
      });
    },
    async close() {
      transport.close();
    },
  };
}
