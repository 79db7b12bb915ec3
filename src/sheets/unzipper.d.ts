/** The part of unzipper (ExcelJS's zip reader; it ships no types) the zip guard uses. */
declare module 'unzipper' {
  import type { Readable, Writable } from 'node:stream';
  interface Entry extends Readable {
    path: string;
  }
  interface Parser extends Writable {
    on(event: 'entry', listener: (entry: Entry) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    /** Settles when the whole zip has been read. */
    promise(): Promise<void>;
  }
  function Parse(opts?: { forceStream?: boolean }): Parser;
  const unzipper: { Parse: typeof Parse };
  export default unzipper;
}
