import { useEffect, type ReactNode } from 'react';
import { ErrorBox, Loading } from '../../components/Async.js';
import { NotificationBell } from '../../components/NotificationBell.js';
import { useI18n } from '../../i18n/index.js';
import { SECTIONS, useAuth } from '../../lib/auth.js';
import { webFeatures } from '../../features.js';
import { NavLink, navigate, useLocation, withQuery } from '../../router.js';
import type { Role } from '../../api/auth.js';

/** Back-office frame: requires a session, shows the sections the user's role may use. */
export function AdminShell({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { t, lang } = useI18n();
  const { user, checking, error, ensure, refresh, signOut } = useAuth();
  const { pathname, href } = useLocation();

  useEffect(ensure, [ensure]);
  useEffect(() => {
    if (!checking && !user && !error) navigate(withQuery('/login', { next: href }), { replace: true });
  }, [checking, user, error, href]);

  if (checking) return <Loading />;
  if (error) return <ErrorBox error={error} onRetry={() => void refresh()} />;
  if (!user) return <Loading />;

  const sections = SECTIONS.filter((s) => s.roles.includes(user.role));
  const allowed = !roles || roles.includes(user.role);

  return (
    <div className="admin">
      <aside className="admin-side">
        <div className="admin-user" data-testid="current-user">
          <strong>{user.displayName}</strong>
          <span className="muted">{t(`role.${user.role}`)}</span>
          <NotificationBell />
        </div>
        <nav aria-label={t('nav.backOffice')} className="admin-nav">
          {sections.map((s) => (
            <NavLink key={s.path} to={s.path} data-testid={`admin-nav-${s.path.split('/')[2]}`}>
              {t(s.key)}
            </NavLink>
          ))}
          {webFeatures.flatMap((f) =>
            (f.admin ?? [])
              .filter((p) => p.nav && p.roles.includes(user.role))
              .map((p) => (
                <NavLink key={p.path} to={p.path} data-testid={p.testId ?? `admin-nav-${p.path.split('/')[2]}`}>
                  {p.nav![lang]}
                </NavLink>
              )),
          )}
          <NavLink to="/admin/account" data-testid="admin-nav-account">
            {t('nav.account')}
          </NavLink>
        </nav>
        <button
          type="button"
          className="btn btn-small"
          data-testid="logout"
          onClick={() => void signOut().then(() => navigate('/login'))}
        >
          {t('nav.logout')}
        </button>
      </aside>
      <section className="admin-main" key={pathname}>
        {allowed ? (
          children
        ) : (
          <div className="state state-error" role="alert" data-testid="forbidden">
            {t('error.forbidden')}
          </div>
        )}
      </section>
    </div>
  );
}
