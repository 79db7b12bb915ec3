import { useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from '../router.js';
import { useI18n } from '../i18n/index.js';
import { useAuth } from '../lib/auth.js';
import { LangSwitch } from './LangSwitch.js';
import { webFeatures } from '../features.js';

/** Public shell: header with navigation, language switch, main area, footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const links: [string, string, string][] = [
    ['/', t('nav.home'), 'nav-home'],
    ['/report', t('nav.report'), 'nav-report'],
    ['/track', t('nav.track'), 'nav-track'],
    ['/problems', t('nav.problems'), 'nav-problems'],
    ['/scoreboard', t('nav.scoreboard'), 'nav-scoreboard'],
    ...webFeatures.flatMap((f) =>
      (f.pages ?? [])
        .filter((p) => p.nav)
        .map((p): [string, string, string] => [p.path, p.nav![lang], p.testId ?? `nav-${f.name}`]),
    ),
  ];
  const staffLink = user ? ['/admin', t('nav.backOffice'), 'nav-admin'] : ['/login', t('nav.login'), 'nav-login'];

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand" data-testid="brand">
            <span className="brand-mark" aria-hidden="true">
              清
            </span>
            <span>{t('app.name')}</span>
          </Link>
          <button
            type="button"
            className="btn btn-ghost menu-toggle"
            aria-expanded={open}
            aria-controls="site-nav"
            onClick={() => setOpen((o) => !o)}
            data-testid="menu-toggle"
          >
            {t('nav.menu')}
          </button>
          {/* Choosing a link closes the phone menu; the links themselves take the keyboard. */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click bubbles up from the focusable links */}
          <nav
            id="site-nav"
            className={`site-nav${open ? ' open' : ''}`}
            aria-label={t('nav.main')}
            onClick={() => setOpen(false)}
          >
            {links.map(([to, label, id]) => (
              <NavLink key={to} to={to} data-testid={id}>
                {label}
              </NavLink>
            ))}
            <NavLink to={staffLink[0]} data-testid={staffLink[2]}>
              {staffLink[1]}
            </NavLink>
          </nav>
          <LangSwitch />
        </div>
      </header>
      <main id="main" className={pathname.startsWith('/admin') ? 'main main-wide' : 'main'} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer muted">
        <p>{t('footer.text')}</p>
      </footer>
    </div>
  );
}
