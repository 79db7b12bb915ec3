import { useState } from 'react';
import { listUsers } from '../../api/auth.js';
import { listRef } from '../../api/reference.js';
import type { User } from '../../api/auth.js';
import { Async } from '../../components/Async.js';
import { useI18n } from '../../i18n/index.js';
import { useAsync } from '../../lib/use-async.js';
import { UserForm } from './UserForm.js';

const isActive = (u: User) => u.active;

/** Staff accounts: list, create, edit role/department/active, reset password. */
export function UsersEditor() {
  const { t, name } = useI18n();
  const state = useAsync(() => listUsers(), []);
  const depts = useAsync(() => listRef('departments'), []);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const deptName = (id: number | null) => (id == null ? '—' : name(depts.data?.find((d) => d.id === id)) || `#${id}`);

  return (
    <section className="panel" data-testid="users-editor">
      <div className="section-head">
        <h2>{t('settings.users')}</h2>
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => {
            setEditing('new');
            setSaved(false);
          }}
          data-testid="user-new"
        >
          {t('settings.add')}
        </button>
      </div>
      {saved && (
        <p className="state state-ok" role="status">
          {t('settings.saved')}
        </p>
      )}
      {editing && (
        <UserForm
          user={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaved(true);
            state.reload();
          }}
        />
      )}
      <Async state={state} isEmpty={(d) => d.length === 0}>
        {(users) => (
          <div className="table-wrap">
            <table className="table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('user.username')}</th>
                  <th scope="col">{t('user.displayName')}</th>
                  <th scope="col">{t('user.role')}</th>
                  <th scope="col">{t('problem.leadDepartment')}</th>
                  <th scope="col">{t('user.active')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('settings.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id} className={isActive(u) ? '' : 'inactive'} data-testid="user-row">
                    <th scope="row" className="code">
                      {u.username}
                    </th>
                    <td>{u.displayName}</td>
                    <td>{t(`role.${u.role}`)}</td>
                    <td>{deptName(u.departmentId)}</td>
                    <td>{isActive(u) ? t('common.yes') : t('common.no')}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => {
                          setEditing(u);
                          setSaved(false);
                        }}
                        aria-label={`${t('common.edit')} ${u.username}`}
                      >
                        {t('common.edit')}
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
