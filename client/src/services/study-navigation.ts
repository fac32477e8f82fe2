import Taro from '@tarojs/taro';

/** Study pages outside the tab bar (ROUTES lists only fixed paths; these take a parameter). */
export const STUDY_ROUTES = {
  reader: '/pages/reader/index',
  secretary: '/subpackages/secretary/study/index',
  admin: '/subpackages/admin/study/index',
} as const;

export function openReader(materialId: string): void {
  void Taro.navigateTo({ url: `${STUDY_ROUTES.reader}?id=${encodeURIComponent(materialId)}` });
}

export function openStudyPage(route: (typeof STUDY_ROUTES)['secretary' | 'admin']): void {
  void Taro.navigateTo({ url: route });
}
