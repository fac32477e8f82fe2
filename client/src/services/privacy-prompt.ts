/**
 * 隐私授权: WeChat pauses a privacy-related API (location, scan, file choosing, clipboard, subscribe messages)
 * until the user answers our consent sheet. This module holds the one pending question between the platform
 * listener (privacy-listener.weapp.ts) and the sheet (components/privacy-sheet.tsx); no wx.* here.
 */
export type PrivacyAnswer = 'agree' | 'disagree';

/** The id WeChat checks was tapped before an `agree` answer counts. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

export interface PrivacyQuestion {
  /** What the member was about to do, in Chinese (e.g. 扫码签到); empty when the API is not one we know. */
  feature: string;
  answer(answer: PrivacyAnswer): void;
}

/** The APIs we call that WeChat guards, by the name the platform reports as `referrer`. */
export const PRIVACY_FEATURES: Record<string, string> = {
  getLocation: '获取位置（现场签到）',
  chooseLocation: '选择活动地点',
  scanCode: '扫码签到',
  chooseMessageFile: '选择文件',
  chooseMedia: '选择图片',
  chooseImage: '选择图片',
  setClipboardData: '复制到剪贴板',
  getClipboardData: '读取剪贴板',
  requestSubscribeMessage: '订阅提醒消息',
};

type Listener = (question: PrivacyQuestion | null) => void;

let pending: PrivacyQuestion | null = null;
const listeners = new Set<Listener>();

function publish(): void {
  for (const listener of listeners) listener(pending);
}

/** Called by the platform listener: shows the sheet; `settle` receives the member's answer once. */
export function askPrivacyConsent(referrer: string, settle: (answer: PrivacyAnswer) => void): void {
  // A second request while one is open (two APIs at once) answers the first as refused: WeChat asks again.
  pending?.answer('disagree');
  let answered = false;
  const question: PrivacyQuestion = {
    feature: PRIVACY_FEATURES[referrer] ?? '',
    answer(answer) {
      if (answered) return;
      answered = true;
      if (pending === question) pending = null;
      settle(answer);
      publish();
    },
  };
  pending = question;
  publish();
}

/** The sheet listens here; it gets the open question (or null) now and on every change. */
export function subscribePrivacyQuestion(listener: Listener): () => void {
  listeners.add(listener);
  listener(pending);
  return () => {
    listeners.delete(listener);
  };
}
