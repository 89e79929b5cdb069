import { type Caller } from './caller';
import { type Candidate } from './candidate';
import { type ActionSpec } from './pipeline';
import { refuse } from './refusal';
import { type Role, ROLE_LABELS } from './roles';

/**
 * Every scope and role rule of the API, in one place. Scope: a user sees only candidates and
 * units inside their own unit's subtree; outside it the answer is 404, so that existence does
 * not leak. Role: a user may take only the actions the pipeline table gives their role (403).
 */

const CANDIDATE_READERS: Role[] = ['cell-officer', 'committee-officer', 'approver', 'admin'];

export function isInScope(caller: Caller, unitPath: readonly string[]): boolean {
  return unitPath.includes(caller.unitId);
}

export function assertMayReadCandidates(caller: Caller): void {
  if (!caller.roles.some((r) => CANDIDATE_READERS.includes(r))) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Vai trò của đồng chí không được xem hồ sơ quần chúng',
      message_en: 'Your role may not read candidate records',
      details: { roles: caller.roles },
    });
  }
}

/** The candidate if the caller may see it; otherwise the same 404 as for a missing one. */
export function visibleCandidate(
  caller: Caller,
  candidate: Candidate | undefined,
  notFound: () => never,
): Candidate {
  assertMayReadCandidates(caller);
  if (!candidate || !isInScope(caller, candidate.unitPath)) return notFound();
  return candidate;
}

export function assertMayTakeAction(caller: Caller, action: ActionSpec): Role {
  if (!caller.roles.includes(action.actor)) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: `Chỉ ${ROLE_LABELS[action.actor].vi} được "${action.label}"`,
      message_en: `Only a ${ROLE_LABELS[action.actor].en} may "${action.labelEn}"`,
      field: 'action',
      details: { requiredRole: action.actor, roles: caller.roles },
    });
  }
  return action.actor;
}

/** Whoever nominated or sponsored a candidate cannot also decide on the admission. */
export function assertSeparationOfDuties(
  caller: Caller,
  candidate: Candidate,
  action: ActionSpec,
): void {
  if (action.actor !== 'approver') return;
  if (involvedUserIds(candidate).includes(caller.userId)) {
    refuse('forbidden', {
      code: 'SEPARATION_OF_DUTIES',
      message: 'Người giới thiệu hoặc bảo lãnh quần chúng không được quyết định kết nạp người đó',
      message_en: 'The person who nominated or sponsored a candidate cannot decide their admission',
      field: 'action',
    });
  }
}

/**
 * Approval links: only an approver opens one, and only for a candidate inside their subtree
 * (outside it, the same 404 as for a missing candidate). The link's binding to one user is
 * checked by the link itself (approval-link.ts); separation of duties applies to the decision.
 */
export function approvalCandidate(
  caller: Caller,
  candidate: Candidate | undefined,
  notFound: () => never,
): Candidate {
  if (!caller.roles.includes('approver')) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: `Chỉ ${ROLE_LABELS.approver.vi} được mở liên kết phê duyệt`,
      message_en: `Only an ${ROLE_LABELS.approver.en} may open an approval link`,
      details: { requiredRole: 'approver', roles: caller.roles },
    });
  }
  if (!candidate || !isInScope(caller, candidate.unitPath)) return notFound();
  return candidate;
}

const AUDITORS: Role[] = ['admin', 'approver', 'committee-officer'];

/** The audit export shows who did what across a subtree: committee level and above. */
export function assertMayExportAudit(caller: Caller): void {
  if (!caller.roles.some((r) => AUDITORS.includes(r))) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ quản trị viên, cán bộ đảng ủy hoặc người có thẩm quyền được xuất nhật ký',
      message_en: 'Only administrators, committee officers and approvers may export the audit log',
    });
  }
}

export function assertMayNominate(caller: Caller): Role {
  if (!caller.roles.includes('cell-officer')) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ cán bộ chi bộ được giới thiệu quần chúng ưu tú',
      message_en: 'Only a cell officer may nominate a candidate',
    });
  }
  return 'cell-officer';
}

/** The people who put the candidate forward: they may not decide on them (nor get a link to). */
export function involvedUserIds(candidate: Candidate): string[] {
  return [candidate.nominatedBy?.userId, ...sponsorUserIds(candidate)].filter((id): id is string =>
    Boolean(id),
  );
}

function sponsorUserIds(candidate: Candidate): string[] {
  const sponsorship = candidate.dossier.sponsorship as
    { sponsors?: { memberUserId?: string }[] } | undefined;
  return (sponsorship?.sponsors ?? []).flatMap((s) => (s.memberUserId ? [s.memberUserId] : []));
}

const QUOTA_REPORT_READERS: Role[] = [
  'cell-officer',
  'committee-officer',
  'approver',
  'admin',
  'ops-viewer',
];

/** Quota reports hold figures, never people: every officer and the operators may read them. */
export function assertMayReadQuotaReports(caller: Caller): void {
  if (!caller.roles.some((r) => QUOTA_REPORT_READERS.includes(r))) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Vai trò của đồng chí không được xem báo cáo chỉ tiêu',
      message_en: 'Your role may not read quota reports',
      details: { roles: caller.roles },
    });
  }
}

/** Targets are entered and changed by administrators only (for units in their subtree). */
export function assertMayManageQuotas(caller: Caller): void {
  if (!caller.roles.includes('admin')) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ quản trị viên được nhập, sửa chỉ tiêu',
      message_en: 'Only an administrator may enter or change quota targets',
    });
  }
}

/**
 * A correction (revoking an admission decision) rewrites what counts: an administrator's act,
 * on a candidate inside their subtree (outside it: 404, as for any candidate).
 */
export function assertMayCorrect(caller: Caller): Role {
  if (!caller.roles.includes('admin')) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ quản trị viên được hiệu chỉnh hồ sơ (hủy quyết định kết nạp)',
      message_en: 'Only an administrator may correct a record (revoke an admission)',
    });
  }
  return 'admin';
}

/**
 * The organisation tree is changed by administrators, inside their own subtree: a unit is created
 * under, moved to, or retired from a parent the administrator's unit contains.
 */
export function assertMayAdministerUnits(caller: Caller): Role {
  if (!caller.roles.includes('admin')) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ quản trị viên được tạo, chuyển hoặc giải thể đơn vị',
      message_en: 'Only an administrator may create, move or retire units',
    });
  }
  return 'admin';
}

/** Anyone who reads candidates may read the units of their subtree. */
export function assertMayReadUnits(caller: Caller): void {
  if (!caller.roles.some((r) => [...CANDIDATE_READERS, 'ops-viewer'].includes(r))) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Vai trò của đồng chí không được xem cơ cấu tổ chức',
      message_en: 'Your role may not read the organisation tree',
    });
  }
}

const CLASS_ORGANISERS: Role[] = ['committee-officer', 'admin'];

/** Awareness classes are opened by a committee's officers (or an administrator). */
export function assertMayOrganiseClasses(caller: Caller): Role {
  const role = CLASS_ORGANISERS.find((r) => caller.roles.includes(r));
  if (!role) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ cán bộ đảng ủy hoặc quản trị viên được mở lớp bồi dưỡng nhận thức về Đảng',
      message_en: 'Only a committee officer or an administrator may open an awareness class',
    });
  }
  return role;
}

/**
 * A class is visible to the officers of its organiser's subtree (whose candidates it trains)
 * and to the committees above the organiser; anyone else gets the same 404 as for no class.
 */
export function mayUseClass(
  caller: Caller,
  organiserPath: readonly string[],
  callerUnitPath: readonly string[],
): boolean {
  return isInScope(caller, organiserPath) || callerUnitPath.includes(organiserPath.at(-1)!);
}

const ONBOARDERS: Role[] = ['cell-officer', 'committee-officer', 'admin'];

/**
 * Onboarding files already in progress (an import) writes candidates like the officers who keep
 * them: cell and committee officers, and administrators, inside their own subtree (each row's
 * unit outside it is answered as a unit that does not exist).
 */
export function assertMayOnboard(caller: Caller): Role {
  const role = ONBOARDERS.find((r) => caller.roles.includes(r));
  if (!role) {
    refuse('forbidden', {
      code: 'ROLE_NOT_ALLOWED',
      message: 'Chỉ cán bộ chi bộ, cán bộ đảng ủy hoặc quản trị viên được nhập hồ sơ đang xử lý',
      message_en:
        'Only cell officers, committee officers and administrators may import files in progress',
      details: { roles: caller.roles },
    });
  }
  return role;
}
