import Taro from '@tarojs/taro';

/** 统计 pages (they take parameters, so they sit outside ROUTES like the study pages). */
export const STATS_ROUTES = {
  matrix: '/subpackages/secretary/stats/index',
  member: '/subpackages/secretary/stats/member',
  remindLog: '/subpackages/secretary/stats/remind-log',
  share: '/subpackages/secretary/stats/share',
  dashboard: '/subpackages/admin/stats/index',
  trend: '/subpackages/admin/stats/trend',
  settings: '/subpackages/admin/stats/settings',
  export: '/subpackages/admin/stats/export',
} as const;

export type StatsRoute = (typeof STATS_ROUTES)[keyof typeof STATS_ROUTES];

/** Builds `route?key=value…`, leaving out what is not set (a secretary's own branch needs no branchId). */
export function statsUrl(route: StatsRoute, params: Record<string, string | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${route}?${query}` : route;
}

export function openStats(route: StatsRoute, params?: Record<string, string | undefined>): void {
  void Taro.navigateTo({ url: statsUrl(route, params) });
}

/** Router params arrive encoded in h5 (and may arrive decoded in weapp): decode once, tolerating either. */
export function readParam(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
