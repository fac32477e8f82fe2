import Taro from '@tarojs/taro';
import { CLOUD_ENV_ID } from '../config/cloud';

/** wx.cloud must be initialised once before the first callFunction; app.ts calls this at launch. */
export function initCloud(): void {
  // DYNAMIC_CURRENT_ENV is missing from Taro's typings and from old base libraries; undefined = default env.
  const dynamicEnv = (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV?: string }).DYNAMIC_CURRENT_ENV;
  Taro.cloud.init({ env: CLOUD_ENV_ID ?? dynamicEnv, traceUser: true });
}
