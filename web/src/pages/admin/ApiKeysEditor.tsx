import { useState, type FormEvent } from 'react';
import { createApiKey, listApiKeys, revokeApiKey } from '../../api/auth.js';
import type { Role } from '../../api/auth.js';
import { Async, useErrorText } from '../../components/Async.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Field, FormError } from '../../components/Field.js';
import { RefSelect } from '../../components/RefSelect.js';
import { type MessageKey, useI18n } from '../../i18n/index.js';
import { formatTime } from '../../lib/format.js';
import { useAsync } from '../../lib/use-async.js';
import { ROLES } from './UserForm.js';

/** API keys for machine clients (Open311, integrations); a new key is shown once. */
export function ApiKeysEditor() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const state = useAsync(() => listApiKeys(), []);
  const [form, setForm] = useState({ name: '', role: 'acceptance' as Role, departmentId: '' });
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.name.trim()) return setError(t('action.missing', { fields: t('apiKey.name') }));
    setBusy(true);
    setError(null);
    try {
      const r = await createApiKey({
        name: form.name.trim(),
        role: form.role,
        departmentId: form.departmentId ? Number(form.departmentId) : null,
      });
      setCreated(r.key);
      setForm({ ...form, name: '' });
      state.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: number, name: string) => {
    if (!window.confirm(t('apiKey.confirmRevoke', { name }))) return;
    try {
      await revokeApiKey(id);
      state.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="panel" data-testid="api-keys-editor">
      <h2>{t('settings.apiKeys')}</h2>
      <form className="form form-inline" onSubmit={create} noValidate>
        <Field id="key-name" label={t('apiKey.name')} required>
          <input
            id="key-name"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            data-testid="api-key-name"
          />
        </Field>
        <Field id="key-role" label={t('user.role')}>
          <select id="key-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="key-dept" label={t('problem.leadDepartment')}>
          <RefSelect
            kind="departments"
            id="key-dept"
            value={form.departmentId}
            emptyLabel={t('common.none')}
            onChange={(v) => setForm({ ...form, departmentId: v })}
          />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="api-key-create">
          {t('apiKey.create')}
        </button>
      </form>
      <FormError message={error} />
      {created && (
        <div className="state state-ok" role="status" data-testid="api-key-created">
          <p>{t('apiKey.shownOnce')}</p>
          <code className="code" data-testid="api-key-value">
            {created}
          </code>{' '}
          <CopyButton text={created} />
        </div>
      )}
      <Async state={state} isEmpty={(d) => d.length === 0}>
        {(keys) => (
          <div className="table-wrap">
            <table className="table" data-testid="api-keys-table">
              <thead>
                <tr>
                  <th scope="col">{t('apiKey.name')}</th>
                  <th scope="col">{t('apiKey.prefix')}</th>
                  <th scope="col">{t('user.role')}</th>
                  <th scope="col">{t('apiKey.createdAt')}</th>
                  <th scope="col">{t('apiKey.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id} className={k.revokedAt ? 'inactive' : ''}>
                    <th scope="row">{k.name}</th>
                    <td className="code">{k.prefix}…</td>
                    <td>{t(`role.${k.role}` as MessageKey)}</td>
                    <td>{formatTime(k.createdAt)}</td>
                    <td>{k.revokedAt ? `${t('apiKey.revoked')} ${formatTime(k.revokedAt)}` : t('apiKey.active')}</td>
                    <td>
                      {!k.revokedAt && (
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          onClick={() => void revoke(k.id, k.name)}
                        >
                          {t('apiKey.revoke')}
                        </button>
                      )}
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
