import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP listener standing in for the city's SMS gateway: it keeps every message posted. */
export async function startSmsGateway() {
  const received: Array<{ phone: string | null; body: string; kind: string }> = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => {
      const m = JSON.parse(data);
      received.push({ phone: m.recipient?.phone ?? null, body: m.body, kind: m.kind });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    lastCode(phone: string) {
      const m = received.filter((r) => r.phone === phone && r.kind === 'resident_code').at(-1);
      return m?.body.match(/\d{6}/)?.[0];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real SMTP server on an ephemeral port: it keeps every mail's recipients and raw text. */
export async function startMailbox() {
  const { SMTPServer } = await import('smtp-server');
  const mails: Array<{ to: string[]; raw: string }> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    mails,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
