import { Suspense, useEffect, type ComponentType } from 'react';
import { Loading } from '../../components/Async.js';
import { NotFound } from '../NotFound.js';
import { homeFor, SECTIONS, useAuth } from '../../lib/auth.js';
import { matchPath, navigate } from '../../router.js';
import { Account } from './Account.js';
import { AdminProblem } from './AdminProblem.js';
import { AdminShell } from './AdminShell.js';
import { Inbox } from './Inbox.js';
import { Leader } from './Leader.js';
import { Moderation } from './Moderation.js';
import { Settings } from './Settings.js';
import { Settlement } from './Settlement.js';
import { Sheets } from './Sheets.js';
import { Supervision } from './Supervision.js';
import { Workspace } from './Workspace.js';
import { webFeatures } from '../../features.js';

const PAGES: Record<string, ComponentType> = {
  '/admin/inbox': Inbox,
  '/admin/workspace': Workspace,
  '/admin/supervision': Supervision,
  '/admin/settlement': Settlement,
  '/admin/leader': Leader,
  '/admin/comments': Moderation,
  '/admin/sheets': Sheets,
  '/admin/settings': Settings,
  '/admin/account': Account,
};

function AdminHome() {
  const { user } = useAuth();
  useEffect(() => {
    if (user) navigate(homeFor(user.role), { replace: true });
  }, [user]);
  return <Loading />;
}

/** The back office, loaded as its own chunk: public visitors never download it. */
export default function AdminRoutes({ pathname }: { pathname: string }) {
  const path = pathname.replace(/\/+$/, '') || '/admin';
  if (path === '/admin')
    return (
      <AdminShell>
        <AdminHome />
      </AdminShell>
    );
  const item = matchPath('/admin/problems/:code', path);
  if (item)
    return (
      <AdminShell>
        <AdminProblem code={item.code} />
      </AdminShell>
    );
  const Page = PAGES[path];
  if (!Page) {
    for (const f of webFeatures) {
      for (const p of f.admin ?? []) {
        const params = matchPath(p.path, path);
        if (!params) continue;
        const FeaturePage = p.page;
        return (
          <AdminShell roles={p.roles}>
            <Suspense fallback={<Loading />}>
              <FeaturePage key={path} params={params} />
            </Suspense>
          </AdminShell>
        );
      }
    }
    return (
      <AdminShell>
        <NotFound />
      </AdminShell>
    );
  }
  const roles = SECTIONS.find((s) => s.path === path)?.roles;
  return (
    <AdminShell roles={roles}>
      <Page />
    </AdminShell>
  );
}
