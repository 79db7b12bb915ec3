import { useState } from 'react';
import { deleteRef, listRef, type RefKind } from '../../api/reference.js';
import { Async, useErrorText } from '../../components/Async.js';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { treeOrder } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { RefForm, type RefRow } from './RefForm.js';
import { REF_FIELDS, isTree, type RefField } from './ref-config.js';

/** CRUD list for one kind of reference data, tree-indented where items have parents. */
export function RefEditor({ kind }: { kind: RefKind }) {
  const { t, name } = useI18n();
  const errorText = useErrorText();
  const state = useAsync(() => listRef(kind, { fresh: true }) as Promise<RefRow[]>, [kind]);
  const [editing, setEditing] = useState<RefRow | 'new' | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Ids read as names: the default unit by its name, tiers and levels by their label.
  const depts = useAsync(
    () => (REF_FIELDS[kind].some((f) => f.kind === 'department') ? listRef('departments') : Promise.resolve([])),
    [kind],
  );
  const cellText = (f: RefField, v: unknown) => {
    if (f.kind === 'department') return v == null ? '' : name(depts.data?.find((d) => d.id === v)) || String(v);
    return f.prefix && typeof v === 'string' && v ? t(`${f.prefix}.${v}` as MessageKey) : String(v ?? '');
  };
  const extra = REF_FIELDS[kind].filter((f) => !['code', 'name', 'nameEn', 'parentId', 'sort'].includes(f.name));

  const remove = async (row: RefRow) => {
    if (!window.confirm(t('settings.confirmDelete', { name: row.name }))) return;
    try {
      await deleteRef(kind, row.id);
      setMessage({ ok: true, text: t('settings.deleted') });
      state.reload();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };

  const saved = () => {
    setEditing(null);
    setMessage({ ok: true, text: t('settings.saved') });
    state.reload();
  };

  return (
    <section className="panel" data-testid={`ref-editor-${kind}`}>
      <div className="section-head">
        <h2>{t(`settings.${kind}`)}</h2>
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => {
            setEditing('new');
            setMessage(null);
          }}
          data-testid="ref-new"
        >
          {t('settings.add')}
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'state state-ok' : 'state state-error'} role="status">
          {message.text}
        </p>
      )}
      {editing && (
        <RefForm
          kind={kind}
          row={editing === 'new' ? null : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <Async state={state} isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <div className="table-wrap">
            <table className="table" data-testid="ref-table">
              <thead>
                <tr>
                  <th scope="col">{t('ref.name')}</th>
                  <th scope="col">{t('ref.code')}</th>
                  {extra.map((f) => (
                    <th key={f.name} scope="col">
                      {t(f.label)}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(isTree(kind) ? treeOrder(rows) : rows.map((item) => ({ item, depth: 0 }))).map(({ item, depth }) => (
                  <tr key={item.id} data-testid="ref-row">
                    <th scope="row" style={{ paddingInlineStart: `${0.5 + depth * 1.2}em` }}>
                      {name(item)}
                    </th>
                    <td className="code">{item.code}</td>
                    {extra.map((f) => (
                      <td key={f.name}>{cellText(f, item[f.name])}</td>
                    ))}
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => {
                          setEditing(item);
                          setMessage(null);
                        }}
                        aria-label={`${t('common.edit')} ${item.name}`}
                      >
                        {t('common.edit')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        onClick={() => void remove(item)}
                        aria-label={`${t('common.delete')} ${item.name}`}
                      >
                        {t('common.delete')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </section>
  );
}
