import { useState, type FormEvent } from 'react';
import { createUser, updateUser, type UserInput } from '../../api/auth.js';
import type { Role, User } from '../../api/auth.js';
import { useErrorText } from '../../components/Async.js';
import { Field, FormError } from '../../components/Field.js';
import { RefSelect } from '../../components/RefSelect.js';
import { useI18n } from '../../i18n/index.js';

export const ROLES: Role[] = ['admin', 'acceptance', 'department', 'supervisor', 'leader'];

export function UserForm({
  user,
  onSaved,
  onCancel,
}: {
  user: User | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, join } = useI18n();
  const errorText = useErrorText();
  const [v, setV] = useState({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? ('department' as Role),
    departmentId: user?.departmentId != null ? String(user.departmentId) : '',
    active: user ? user.active : true,
    password: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof typeof v>(k: K, val: (typeof v)[K]) => setV((cur) => ({ ...cur, [k]: val }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!user && (!v.username.trim() || !v.password)) {
      setError(t('action.missing', { fields: join([t('user.username'), t('user.password')]) }));
      return;
    }
    if (v.role === 'department' && !v.departmentId) {
      setError(t('user.needDepartment'));
      return;
    }
    setBusy(true);
    setError(null);
    const body: UserInput = {
      displayName: v.displayName.trim() || v.username.trim(),
      role: v.role,
      departmentId: v.departmentId ? Number(v.departmentId) : null,
    };
    if (v.password) body.password = v.password;
    try {
      if (user) await updateUser(user.id, { ...body, active: v.active });
      else await createUser({ ...body, username: v.username.trim() });
      onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel inset" onSubmit={submit} noValidate data-testid="user-form">
      <h3>{user ? t('settings.editing', { name: user.username }) : t('settings.add')}</h3>
      <div className="grid-3">
        <Field id="user-username" label={t('user.username')} required={!user}>
          <input
            id="user-username"
            value={v.username}
            disabled={!!user}
            autoComplete="off"
            data-testid="user-username"
            onChange={(e) => set('username', e.target.value)}
          />
        </Field>
        <Field id="user-display" label={t('user.displayName')}>
          <input
            id="user-display"
            value={v.displayName}
            data-testid="user-display"
            onChange={(e) => set('displayName', e.target.value)}
          />
        </Field>
        <Field id="user-role" label={t('user.role')} required>
          <select
            id="user-role"
            value={v.role}
            onChange={(e) => set('role', e.target.value as Role)}
            data-testid="user-role"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="user-dept" label={t('problem.leadDepartment')}>
          <RefSelect
            kind="departments"
            id="user-dept"
            value={v.departmentId}
            onChange={(x) => set('departmentId', x)}
            emptyLabel={t('common.none')}
            testId="user-dept"
          />
        </Field>
        <Field id="user-password" label={user ? t('user.resetPassword') : t('user.password')} required={!user}>
          <input
            id="user-password"
            type="password"
            value={v.password}
            autoComplete="new-password"
            data-testid="user-password"
            onChange={(e) => set('password', e.target.value)}
          />
        </Field>
        {user && (
          <div className="field checkbox">
            <input
              id="user-active"
              type="checkbox"
              checked={v.active}
              onChange={(e) => set('active', e.target.checked)}
            />
            <label htmlFor="user-active">{t('user.active')}</label>
          </div>
        )}
      </div>
      <FormError message={error} />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="user-save">
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
