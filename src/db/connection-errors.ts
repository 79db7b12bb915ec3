/**
 * Errors that mean "the database cannot be reached right now", not "this request is wrong" nor
 * "the server has a bug": the edge answers them 503 so clients retry, and the pool reconnects.
 */
// PostgreSQL: class 08 connection exception, 57P01–57P03 shutdown/restart, 53300 too many
// connections; 57P04 database dropped.
const PG_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[1-4]|53300)$/;
// node-postgres's own messages for a connection cut or refused mid-use (no SQLSTATE on these).
const PG_MESSAGES = new RegExp(
  [
    'Connection terminated',
    'not queryable',
    'timeout exceeded when trying to connect',
    'is not currently accepting connections',
    'the database system is (starting up|shutting down|in recovery mode)',
  ].join('|'),
);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// SQLite: another process holds the write lock longer than busy_timeout.
const SQLITE_UNAVAILABLE = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (PG_UNAVAILABLE.test(code) && 'severity' in err) return true;
    if (SOCKET_CODES.has(code) && 'syscall' in err) return true;
    if (SQLITE_UNAVAILABLE.has(code) || code.startsWith('SQLITE_BUSY')) return true;
  }
  return PG_MESSAGES.test(err.message);
}
