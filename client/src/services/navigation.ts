import Taro from '@tarojs/taro';
import type { Route } from '../lib/routes';

/** Start over at a page, closing everything else (the only way to reach a tab page from outside tabs). */
export function relaunch(route: Route): void {
  void Taro.reLaunch({ url: route });
}

/** Open a page on top of the current one (subpackage pages, detail pages). */
export function open(route: Route): void {
  void Taro.navigateTo({ url: route });
}
