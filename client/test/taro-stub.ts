/**
 * Stand-in for @tarojs/taro in jsdom tests: only what our code calls. Navigation is recorded so tests can
 * assert where a page sent the user; cloud calls fail loudly because tests use the h5 transport.
 */
export const navigations: Array<{ method: 'reLaunch' | 'navigateTo'; url: string }> = [];

type PrivacyListener = (resolve: (option: { event: string; buttonId?: string }) => void, eventInfo: { referrer: string }) => void;
/** What registered for wx.onNeedPrivacyAuthorization: a test plays WeChat by calling it. */
export const privacyListeners: PrivacyListener[] = [];

const Taro = {
  reLaunch: async ({ url }: { url: string }) => {
    navigations.push({ method: 'reLaunch', url });
  },
  navigateTo: async ({ url }: { url: string }) => {
    navigations.push({ method: 'navigateTo', url });
  },
  onNeedPrivacyAuthorization: (listener: PrivacyListener) => {
    privacyListeners.push(listener);
  },
  openPrivacyContract: () => undefined,
  cloud: {
    init: () => undefined,
    callFunction: async () => {
      throw new Error('Taro.cloud is not available in tests: use the h5 transport with a fake fetch');
    },
  },
};

export const useLaunch = (fn: () => void) => fn();
export default Taro;
/** Page show and hide events do not happen in jsdom tests. */
export const useDidShow = (_fn: () => void) => undefined;
export const useDidHide = (_fn: () => void) => undefined;
