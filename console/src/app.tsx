import { ROLE_LABELS, isRole } from '../../functions/domain/roles';
import { apiFor } from './api';
import { type Officer, signOut } from './auth/session';
import { Bi } from './components/ui';
import type { ConsoleConfig } from './config';
import { CandidateFile } from './pages/candidate-file';
import { Candidates } from './pages/candidates';
import { Classes } from './pages/classes';
import { Nominate } from './pages/nominate';
import { Quotas } from './pages/quotas';
import { Tasks } from './pages/tasks';
import { Units } from './pages/units';
import { href, type Route, useRoute } from './router';
import { SessionContext } from './session-context';

const READERS = ['cell-officer', 'committee-officer', 'approver', 'admin'];
const EVERYONE = [...READERS, 'ops-viewer'];
const ACTORS = ['cell-officer', 'committee-officer', 'approver'];

/** The pages, and who sees each in the navigation (the API decides what they may do there). */
const PAGES: {
  page: string;
  vi: string;
  en: string;
  roles: string[];
  render: (route: Route) => preact.JSX.Element;
}[] = [
  // The work queue lists the stages the caller's roles act on: administrators act on none.
  { page: 'tasks', vi: 'Việc cần làm', en: 'My tasks', roles: ACTORS, render: () => <Tasks /> },
  {
    page: 'candidates',
    vi: 'Hồ sơ quần chúng',
    en: 'Candidates',
    roles: READERS,
    render: (route) => (route.id ? <CandidateFile id={route.id} /> : <Candidates route={route} />),
  },
  {
    page: 'nominate',
    vi: 'Giới thiệu quần chúng',
    en: 'Nominate',
    roles: ['cell-officer'],
    render: () => <Nominate />,
  },
  {
    page: 'classes',
    vi: 'Lớp bồi dưỡng',
    en: 'Classes',
    roles: READERS,
    render: (route) => <Classes id={route.id} />,
  },
  { page: 'quotas', vi: 'Chỉ tiêu', en: 'Quotas', roles: EVERYONE, render: () => <Quotas /> },
  { page: 'units', vi: 'Đơn vị', en: 'Units', roles: EVERYONE, render: () => <Units /> },
];

export function App({
  config,
  officer,
  token,
}: {
  config: ConsoleConfig;
  officer: Officer;
  token: string;
}) {
  const route = useRoute();
  const visible = PAGES.filter((p) => officer.roles.some((r) => p.roles.includes(r)));
  const current = visible.find((p) => p.page === route.page) ?? visible[0];
  const roles = officer.roles.filter(isRole).map((r) => ROLE_LABELS[r]);
  return (
    <SessionContext.Provider value={{ config, officer, token, api: apiFor(config, token) }}>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        <Bi vi="Chuyển đến nội dung chính" en="Skip to main content" />
      </a>
      <header class="banner">
        <p class="brand">
          <Bi vi="Hệ thống kết nạp đảng viên" en="Party admission pipeline" />
        </p>
        <div class="who">
          <span data-testid="officer-name">{officer.name}</span>
          <span class="muted">
            {roles.map((r) => r.vi).join(', ')} · {officer.unitId}
          </span>
          <button type="button" class="secondary" onClick={() => signOut(config)}>
            <Bi vi="Đăng xuất" en="Sign out" />
          </button>
        </div>
      </header>
      <nav aria-label="Chức năng / Sections">
        <ul>
          {visible.map((p) => (
            <li key={p.page}>
              <a href={href(p.page)} aria-current={p === current ? 'page' : undefined}>
                <Bi vi={p.vi} en={p.en} />
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {current ? (
          current.render(route)
        ) : (
          <p>
            <Bi
              vi="Vai trò của đồng chí không có chức năng nào ở đây."
              en="Your role has no pages here."
            />
          </p>
        )}
      </main>
    </SessionContext.Provider>
  );
}

/** The skip link moves focus, not the hash (the hash is the router's). */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Before signing in (or after signing out): what this is, and the way in. */
export function SignedOut({ onSignIn, problem }: { onSignIn: () => void; problem?: string }) {
  return (
    <>
      <header class="banner">
        <p class="brand">
          <Bi vi="Hệ thống kết nạp đảng viên" en="Party admission pipeline" />
        </p>
      </header>
      <main id="main" tabIndex={-1} class="signed-out">
        <h1>
          <Bi vi="Đăng nhập" en="Sign in" />
        </h1>
        {problem && (
          <div class="refusal" role="alert">
            <Bi vi="Không đăng nhập được" en="Sign-in failed" /> (<code>{problem}</code>)
          </div>
        )}
        <p>
          <Bi
            vi="Cán bộ chi bộ, cán bộ đảng ủy, người có thẩm quyền và quản trị viên làm việc với hồ sơ kết nạp tại đây."
            en="Cell and committee officers, approvers and administrators work on admission files here."
          />
        </p>
        <button type="button" onClick={onSignIn} data-testid="sign-in">
          <Bi vi="Đăng nhập" en="Sign in" />
        </button>
      </main>
    </>
  );
}
