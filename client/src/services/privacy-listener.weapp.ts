import Taro from '@tarojs/taro';
import { askPrivacyConsent, PRIVACY_AGREE_BUTTON_ID } from './privacy-prompt';

/**
 * Once at launch (app.tsx): when a guarded API runs before the member agreed, WeChat holds it and asks us;
 * our sheet answers. Base libraries before 2.32.3 have no such event (and no privacy check): nothing to do.
 */
export function installPrivacyListener(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    // Telling the platform the sheet is shown is part of the protocol, before the answer.
    resolve({ event: 'exposureAuthorization' });
    askPrivacyConsent(eventInfo?.referrer ?? '', (answer) =>
      resolve(answer === 'agree' ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }),
    );
  });
}

/** 《隐私保护指引》 as declared in mp.weixin.qq.com, in WeChat's own viewer. */
export function openPrivacyGuide(): void {
  Taro.openPrivacyContract?.({});
}
