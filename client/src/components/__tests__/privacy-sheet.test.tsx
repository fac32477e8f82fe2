import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { privacyListeners } from '../../../test/taro-stub';
import { installPrivacyListener as installOnH5 } from '../../services/privacy-listener';
import { installPrivacyListener } from '../../services/privacy-listener.weapp';
import { PRIVACY_FEATURES } from '../../services/privacy-prompt';
import { PageFrame } from '../page-frame';

type Resolve = (option: { event: string; buttonId?: string }) => void;

/** Plays WeChat: a guarded API was called before consent, so the platform asks our listener. */
function weChatAsks(referrer: string): jest.Mock {
  const resolve = jest.fn<void, Parameters<Resolve>>();
  act(() => privacyListeners.forEach((listener) => listener(resolve, { referrer })));
  return resolve;
}

function renderPage() {
  render(
    <PageFrame>
      <div>本月学习</div>
    </PageFrame>,
  );
}

describe('privacy consent (wx.onNeedPrivacyAuthorization)', () => {
  beforeAll(() => installPrivacyListener());

  it('shows nothing until WeChat holds a guarded API', () => {
    renderPage();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('本月学习')).toBeTruthy();
  });

  it('explains in Chinese what the member was about to do and why, and lets the held API go on after 同意', () => {
    renderPage();
    const resolve = weChatAsks('scanCode');
    const sheet = screen.getByRole('dialog', { name: '用户隐私保护提示' });
    expect(sheet.textContent).toContain('您正要使用「扫码签到」');
    for (const item of ['位置信息', '摄像头（扫码）', '选择的文件和图片', '剪贴板', '订阅消息']) expect(sheet.textContent).toContain(item);
    expect(sheet.textContent).toContain('不同意也可以继续学习和答题');
    // WeChat is told the sheet was shown before any answer.
    expect(resolve.mock.calls).toEqual([[{ event: 'exposureAuthorization' }]]);

    // WeChat lets the API go on only if the button named in the answer was tapped.
    expect(screen.getByText('同意并继续').closest('button')?.id).toBe('privacy-agree');
    fireEvent.click(screen.getByText('同意并继续'));
    expect(resolve.mock.calls.at(-1)).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('refuses with 不同意: the held API fails, the page stays usable, and no answer is sent twice', () => {
    renderPage();
    const resolve = weChatAsks('getLocation');
    expect(screen.getByRole('dialog').textContent).toContain('获取位置（现场签到）');
    fireEvent.click(screen.getByText('不同意'));
    expect(resolve.mock.calls.slice(1)).toEqual([[{ event: 'disagree' }]]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('本月学习')).toBeTruthy();
  });

  it('answers an earlier question as refused when a second guarded API asks at the same time', () => {
    renderPage();
    const first = weChatAsks('chooseMessageFile');
    const second = weChatAsks('setClipboardData');
    expect(first.mock.calls.at(-1)).toEqual([{ event: 'disagree' }]);
    expect(screen.getByRole('dialog').textContent).toContain('复制到剪贴板');
    fireEvent.click(screen.getByText('同意并继续'));
    expect(second.mock.calls.at(-1)).toEqual([{ event: 'agree', buttonId: 'privacy-agree' }]);
    expect(first.mock.calls).toHaveLength(2);
  });

  it('registers nothing in the browser build', () => {
    const before = privacyListeners.length;
    installOnH5();
    expect(privacyListeners).toHaveLength(before);
  });
});

describe('studying and answering quizzes never need privacy consent', () => {
  const SRC = path.resolve(__dirname, '../..');
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? (name === '__tests__' ? [] : filesUnder(full)) : /\.tsx?$/.test(name) ? [full] : [];
    });
  const guarded = new RegExp(`\\b(?:Taro|wx)\\.(${Object.keys(PRIVACY_FEATURES).join('|')})\\b`);

  it('finds the guarded APIs where we expect them (the scan itself works)', () => {
    const callers = filesUnder(SRC).filter((f) => guarded.test(readFileSync(f, 'utf8')));
    expect(callers.map((f) => path.relative(SRC, f))).toContain('services/checkin-device.weapp.ts');
  });

  it('has no guarded API call in the study, reader and quiz pages or their services', () => {
    const memberPaths = [
      'pages/study',
      'pages/reader',
      'pages/quiz',
      'subpackages/quiz',
      'services/study',
      'services/quiz',
      'services/progress',
    ];
    const offenders = filesUnder(SRC)
      .map((f) => path.relative(SRC, f))
      .filter((f) => memberPaths.some((p) => f.startsWith(p)))
      .filter((f) => guarded.test(readFileSync(path.join(SRC, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
