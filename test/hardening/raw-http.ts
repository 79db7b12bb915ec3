import net from 'node:net';

/**
 * One request written byte for byte to a socket, for what fetch and inject would refuse to send or
 * would encode first (raw UTF-8 or control bytes in a URL, broken headers). Resolves with the
 * status and the parsed JSON body of the answer once the server closes the connection.
 */
export function rawRequest(
  port: number,
  head: Buffer | string,
  timeoutMs = 10_000,
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [headers, ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

/** A GET for the given path, its bytes as given (UTF-8), closing the connection afterwards. */
export function rawGet(port: number, path: string): Promise<{ status: number; headers: string; body: string }> {
  return rawRequest(
    port,
    Buffer.concat([
      Buffer.from('GET '),
      Buffer.from(path, 'utf8'),
      Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
    ]),
  );
}
