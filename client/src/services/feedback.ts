import Taro from '@tarojs/taro';
import { toAppError } from './app-error';

/**
 * Runs a back-office write and tells the person how it went: a short toast on success (then `after`, e.g.
 * reload the list), the server's Chinese reason in a dialog on failure.
 */
export async function runWithFeedback(work: () => Promise<unknown>, done: string, after: () => void): Promise<void> {
  try {
    await work();
    void Taro.showToast({ title: done, icon: 'success' });
    after();
  } catch (error) {
    void Taro.showModal({ title: '操作未完成', content: toAppError(error).message, showCancel: false });
  }
}
