/**
 * Query parameters whose values are secrets or personal data: a tracking token or an API key in
 * a log line is as good as the thing itself to whoever reads the logs, and a phone number or an
 * ID number there is personal data kept without a purpose. Lower-case; matched case-insensitively.
 */
const SECRET_PARAMS = new Set([
  'token',
  'api_key',
  'apikey',
  'key',
  'access_token',
  'code',
  'password',
  'secret',
  'session',
  'email',
  'phone',
  'first_name',
  'last_name',
  'device_id',
  'account_id',
  'id_number',
  'idnumber',
]);

/** The URL with the values of secret query parameters replaced by `[redacted]`; the path is kept. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A name that does not decode is logged as sent; its value is still judged by the raw name.
      }
      return SECRET_PARAMS.has(name.trim().toLowerCase()) ? `${pair.slice(0, eq)}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer with the URL redacted (pino's `serializers.req`). */
export function redactedRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
