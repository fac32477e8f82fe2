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
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];
