import { useState, type FormEvent, type ReactNode } from 'react';
import { Async } from '../../components/Async.js';
import { useAsync } from '../../lib/use-async.js';
import { Outcome, Pager } from './shared.js';
import { useSubmit } from './useSubmit.js';

type Paged<T> = { items: T[]; total: number; limit: number; offset: number };
type Cells<T> = { head: ReactNode[]; cells: (x: T) => ReactNode[]; rowKey: (x: T) => string | number };

/** A table with a header row and a row per item: every list of the campaigns' pages. */
export function DataTable<T>({
  items,
  head,
  cells,
  rowKey,
  testId,
  rowTestId,
}: Cells<T> & { items: T[]; testId?: string; rowTestId?: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={rowKey(x)} data-testid={rowTestId}>
              {cells(x).map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A back-office list paged by the server (20 rows at a time) as a table with its pager; `deps` are
 * the filters, which start it over at the first page. `reload` is for the form below it.
 */
export function usePagedTable<T>(
  load: (q: { limit: number; offset: number }, s: AbortSignal) => Promise<Paged<T>>,
  table: Cells<T> & { testId: string },
  deps: unknown[] = [],
) {
  const [offset, setOffset] = useState(0);
  const [key, setKey] = useState(deps);
  if (key.some((d, i) => d !== deps[i])) {
    setKey(deps);
    setOffset(0);
  }
  const list = useAsync((s) => load({ limit: 20, offset }, s), [offset, ...deps]);
  const view = (
    <Async state={list}>
      {(p) => (
        <>
          <DataTable items={p.items} {...table} />
          <Pager total={p.total} limit={p.limit} offset={p.offset} onOffset={setOffset} />
        </>
      )}
    </Async>
  );
  return { view, reload: list.reload };
}

/** A form's values as text, and the change handler for each input. */
export function useFields<F extends Record<string, string>>(empty: F) {
  const [f, setF] = useState(empty);
  const set = (k: keyof F) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return { f, setF, set, reset: () => setF(empty) };
}

/** The back office's create forms: title, fields, the error in the project's words, the button. */
export function CreateForm({
  title,
  testId,
  saveLabel,
  saveTestId,
  onSubmit,
  children,
}: {
  title: string;
  testId: string;
  saveLabel: string;
  saveTestId: string;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(onSubmit);
  };
  return (
    <form className="form panel cmp-form" onSubmit={submit} data-testid={testId}>
      <h2>{title}</h2>
      {children}
      <Outcome error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid={saveTestId}>
        {saveLabel}
      </button>
    </form>
  );
}
