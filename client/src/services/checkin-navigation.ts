import Taro from '@tarojs/taro';
import { ROUTES } from '../lib/routes';

/** 主题党日 pages of the secretary subpackage (they take an event id, so they are not in ROUTES). */
export const CHECKIN_ROUTES = {
  events: ROUTES.secretaryPartyDay,
  code: '/subpackages/secretary/party-day/code',
  sheet: '/subpackages/secretary/party-day/sheet',
} as const;

export function openCheckinPage(route: (typeof CHECKIN_ROUTES)['code' | 'sheet'], eventId: string): void {
  void Taro.navigateTo({ url: `${route}?eventId=${encodeURIComponent(eventId)}` });
}

export function openCheckinEvents(): void {
  void Taro.navigateTo({ url: CHECKIN_ROUTES.events });
}
