/**
 * Who may call what: every action of every function contract × the callers below → allowed or denied. The
 * access tests (quality/access) are generated from this table and from the contracts' action lists, so an
 * action without a row fails them.
 *
 * Every request of the tests targets ONE subject branch of the demo county (城关镇东关社区党支部, under 城关镇党委)
 * or its member / event / round / plan / material; "own" and "other" are relative to that target:
 * - unbound: a WeChat user with no roster entry.
 * - member: a plain member of the subject branch (the owner of the member-side resources: attempts, leave, 补学).
 * - memberOtherBranch: a plain member of a sibling branch under the same 党委.
 * - secretaryOtherBranch: the secretary of that sibling branch.
 * - adminOtherSubtree: an admin of another 党委 (a sibling subtree of the county).
 * - ownSecretary: the subject branch's secretary (also a member of it).
 * - ownAdmin: an admin of the 党委 above the subject branch (seated in the sibling branch).
 *
 * allowed: the answer is not an access denial: `ok:true`, or a domain refusal that proves the call got past the
 * access checks (QUIZ.ROUND_CLOSED, ORG.NOT_EMPTY, BIND.ALREADY_BOUND …). denied: AUTH.NOT_BOUND,
 * AUTH.FORBIDDEN, ATTENDANCE.FORBIDDEN, or NOT_FOUND for a target that exists but lies outside the caller's
 * scope (hidden as if absent).
 * Actions without a target (a member's own month, a staff member's own scope) are allowed to every caller the
 * role fits, "other" callers included: they answer about the caller's own scope, which the secret scan checks.
 * A denied call must also write nothing. Cases the grid cannot hold (a pending binding request, a fellow
 * member's records, a foreign id inside an otherwise legitimate staff request) sit beside the generated tests.
 */

export const ACCESS_CALLERS = [
  'unbound',
  'member',
  'memberOtherBranch',
  'secretaryOtherBranch',
  'adminOtherSubtree',
  'ownSecretary',
  'ownAdmin',
] as const;
export type AccessCaller = (typeof ACCESS_CALLERS)[number];
export type Access = 'allowed' | 'denied';
export type AccessRow = Readonly<Record<AccessCaller, Access>>;

const A = 'allowed' as const;
const D = 'denied' as const;

/** Builds a row from its cells in ACCESS_CALLERS order. */
function row(...cells: [Access, Access, Access, Access, Access, Access, Access]): AccessRow {
  return Object.fromEntries(ACCESS_CALLERS.map((caller, i) => [caller, cells[i]])) as AccessRow;
}

//                                  unbound member mOther sOther aOther ownSec ownAdm
/** Anyone, bound or not (login, bind). */
const ANYONE = row(A, A, A, A, A, A, A);
/** Any bound person, about their own records (no target, or their own month). */
const ANY_BOUND = row(D, A, A, A, A, A, A);
/** A member-side resource of the subject branch: its members (the secretary is one). */
const BRANCH_MEMBERS = row(D, A, D, D, D, A, D);
/** A member's own record (an attempt, a make-up paper): its owner only. */
const OWNER_ONLY = row(D, A, D, D, D, D, D);
/** Staff actions without a target: any secretary or admin, on their own scope. */
const ANY_STAFF = row(D, D, D, A, A, A, A);
/** The subject branch seen by staff: its secretary or an admin above it. */
const BRANCH_STAFF = row(D, D, D, D, D, A, A);
/** Running the branch's 主题党日: its secretary only (admins read statistics, they don't run events). */
const BRANCH_SECRETARY = row(D, D, D, D, D, A, D);
/** Admin actions without a target: any admin, on their own subtree. */
const ANY_ADMIN = row(D, D, D, D, A, D, A);
/** Admin actions on the subject's subtree. */
const SUBTREE_ADMIN = row(D, D, D, D, D, D, A);

export const ACCESS_MATRIX: Readonly<Record<string, Readonly<Record<string, AccessRow>>>> = {
  account: {
    login: ANYONE,
    home: ANYONE,
    // Bound callers get BIND.ALREADY_BOUND: a domain answer, not a denial.
    bind: ANYONE,
  },
  org: {
    tree: ANY_STAFF,
    createNode: SUBTREE_ADMIN,
    renameNode: SUBTREE_ADMIN,
    moveNode: SUBTREE_ADMIN,
    retireNode: SUBTREE_ADMIN,
    rosterList: BRANCH_STAFF,
    rosterTemplate: ANY_ADMIN,
    importUpload: ANY_ADMIN,
    importPreview: ANY_ADMIN,
    // A staged import belongs to the admin who previewed it.
    importCommit: SUBTREE_ADMIN,
    assignRole: SUBTREE_ADMIN,
    revokeRole: SUBTREE_ADMIN,
    transferMember: SUBTREE_ADMIN,
    inviteCode: BRANCH_STAFF,
    resetInviteCode: BRANCH_STAFF,
    pendingBindings: BRANCH_STAFF,
    approveBinding: BRANCH_STAFF,
    declineBinding: BRANCH_STAFF,
    branchMembers: BRANCH_STAFF,
  },
  study: {
    overview: ANY_BOUND,
    summary: ANY_BOUND,
    openMaterial: BRANCH_MEMBERS,
    // Reading progress only moves on the caller's own progress records, which exist only for materials the
    // caller opened (openMaterial is scope-checked): a batch for any other material is settled without effect.
    reportProgress: ANY_BOUND,
    branchStatus: BRANCH_STAFF,
    listPlans: ANY_ADMIN,
    savePlan: SUBTREE_ADMIN,
    listMaterials: ANY_ADMIN,
    getMaterialDraft: SUBTREE_ADMIN,
    saveMaterial: SUBTREE_ADMIN,
    previewMaterial: ANY_ADMIN,
    importDocument: ANY_ADMIN,
    uploadImage: ANY_ADMIN,
  },
  quiz: {
    rounds: ANY_BOUND,
    start: BRANCH_MEMBERS,
    answer: OWNER_ONLY,
    submit: OWNER_ONLY,
    review: OWNER_ONLY,
    practiceQueue: ANY_BOUND,
    practiceRate: OWNER_ONLY,
    leaderboard: BRANCH_MEMBERS,
    branchResults: BRANCH_STAFF,
    itemAnalysis: SUBTREE_ADMIN,
    listRounds: ANY_ADMIN,
    saveRound: SUBTREE_ADMIN,
    bankOverview: ANY_ADMIN,
    questionTemplate: ANY_ADMIN,
    importPreview: ANY_ADMIN,
    importCommit: SUBTREE_ADMIN,
  },
  checkin: {
    listEvents: row(D, D, D, A, D, A, D),
    saveEvent: BRANCH_SECRETARY,
    removeEvent: BRANCH_SECRETARY,
    currentCode: BRANCH_SECRETARY,
    sheet: BRANCH_SECRETARY,
    // Never on the secretary's own record: ATTENDANCE.SELF_DEALING (a domain refusal past the access checks).
    mark: BRANCH_SECRETARY,
    decideLeave: BRANCH_SECRETARY,
    closeEvent: BRANCH_SECRETARY,
    sendDueReminders: ANY_STAFF,
    myEvents: ANY_BOUND,
    checkIn: BRANCH_MEMBERS,
    requestLeave: BRANCH_MEMBERS,
    subscribeReminder: BRANCH_MEMBERS,
    // 补学 acts on the caller's own attendance at an event of their branch: the secretary, absent too, may
    // make up as well (and submitting the member's paperId gets CONFLICT: not their paper). Papers: at most 3 per
    // member and event (CHECKIN.MAKEUP_QUIZ_EXHAUSTED), none once 已补学, results pass/fail only, calls rate-limited.
    makeUp: BRANCH_MEMBERS,
    makeUpQuizStart: BRANCH_MEMBERS,
    makeUpQuizSubmit: BRANCH_MEMBERS,
    completeMakeUp: BRANCH_MEMBERS,
  },
  stats: {
    branchMatrix: BRANCH_STAFF,
    // The member themself, the branch's secretary, admins above it (a fellow member: see the access suite).
    memberDetail: row(D, A, D, D, D, A, A),
    remind: BRANCH_STAFF,
    remindLog: BRANCH_STAFF,
    shareCard: BRANCH_STAFF,
    subscribe: ANY_BOUND,
    subscription: ANY_BOUND,
    rollup: SUBTREE_ADMIN,
    trend: SUBTREE_ADMIN,
    thresholds: SUBTREE_ADMIN,
    saveThresholds: SUBTREE_ADMIN,
    exportWorkbook: SUBTREE_ADMIN,
    // An export job belongs to the admin who started it (as a staged roster import does).
    exportStep: SUBTREE_ADMIN,
  },
};
