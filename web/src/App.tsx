import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { Loading } from './components/Async.js';
import { Layout } from './components/Layout.js';
import { Home } from './pages/Home.js';
import { Login } from './pages/Login.js';
import { NotFound } from './pages/NotFound.js';
import { ProblemList } from './pages/ProblemList.js';
import { ProblemPage } from './pages/ProblemPage.js';
import { Report } from './pages/Report.js';
import { Scoreboard } from './pages/Scoreboard.js';
import { Track } from './pages/Track.js';
import { matchPath, useLocation } from './router.js';
import { webFeatures } from './features.js';

const AdminRoutes = lazy(() => import('./pages/admin/AdminRoutes.js'));

const STATIC: Record<string, ComponentType> = {
  '/': Home,
  '/report': Report,
  '/track': Track,
  '/problems': ProblemList,
  '/scoreboard': Scoreboard,
  '/login': Login,
};

function Page({ pathname }: { pathname: string }) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/admin' || path.startsWith('/admin/')) {
    return (
      <Suspense fallback={<Loading />}>
        <AdminRoutes pathname={path} />
      </Suspense>
    );
  }
  const item = matchPath('/problems/:code', path);
  if (item) return <ProblemPage key={item.code} code={item.code} />;
  const Static = STATIC[path];
  if (Static) return <Static />;
  for (const f of webFeatures) {
    for (const p of f.pages ?? []) {
      const params = matchPath(p.path, path);
      if (params) {
        const FeaturePage = p.page;
        return (
          <Suspense fallback={<Loading />}>
            <FeaturePage key={path} params={params} />
          </Suspense>
        );
      }
    }
  }
  return <NotFound />;
}

export function App() {
  const { pathname } = useLocation();
  // Remember the last path rather than "first render": StrictMode runs effects twice in development.
  const last = useRef(pathname);
  // After client-side navigation move focus to the new content, as a page load would.
  useEffect(() => {
    if (last.current === pathname) return;
    last.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <Layout>
      <Page pathname={pathname} />
    </Layout>
  );
}
