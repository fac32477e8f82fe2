import Taro from '@tarojs/taro';
import { TransportFailure, type InvokeFunction, type TransportFailureKind } from './invoke-types';

/** errCodes wx.cloud reports when the function itself failed rather than the network. */
const FUNCTION_FAILED = new Set([-504002]);

function classify(error: unknown): TransportFailureKind {
  const { errCode, errMsg } = (error ?? {}) as { errCode?: number; errMsg?: string };
  if (/time ?out|time limit/i.test(errMsg ?? '')) return 'timeout';
  if (errCode !== undefined && FUNCTION_FAILED.has(errCode)) return 'crashed';
  return 'unreachable';
}

/** Mini-program transport: the platform injects OPENID, so the event carries no identity. */
export const invokeFunction: InvokeFunction = async (name, event, { timeoutMs }) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // wx.cloud has no per-call timeout; without one a dead connection on a weak signal hangs forever.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportFailure('timeout')), timeoutMs);
  });
  try {
    const call = Taro.cloud.callFunction({ name, data: event }).catch((error: unknown) => {
      throw new TransportFailure(classify(error), (error as { errMsg?: string })?.errMsg);
    });
    const { result } = await Promise.race([call, timeout]);
    return result;
  } finally {
    clearTimeout(timer);
  }
};
