/** Page paths, in one place so a rename cannot leave a dangling navigateTo. */
export const ROUTES = {
  home: '/pages/index/index',
  study: '/pages/study/index',
  quiz: '/pages/quiz/index',
  partyDay: '/pages/party-day/index',
  mine: '/pages/mine/index',
  bind: '/pages/bind/index',
  devLogin: '/pages/dev-login/index',
  secretary: '/subpackages/secretary/pages/index',
  admin: '/subpackages/admin/pages/index',
  // 组织与党员
  adminOrgTree: '/subpackages/admin/org-tree/index',
  adminRoster: '/subpackages/admin/roster/index',
  adminImport: '/subpackages/admin/import/index',
  secretaryMembers: '/subpackages/secretary/members/index',
  secretaryApprovals: '/subpackages/secretary/approvals/index',
  // 主题党日
  secretaryPartyDay: '/subpackages/secretary/party-day/index',
  // 党规答题
  secretaryQuiz: '/subpackages/secretary/quiz/index',
  adminQuiz: '/subpackages/admin/quiz/index',
  adminQuizRounds: '/subpackages/admin/quiz/rounds/index',
  adminQuizItems: '/subpackages/admin/quiz/items/index',
  // 学习提醒 (one-time subscribe consent for 催学)
  studyReminder: '/subpackages/member/study-reminder',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];
