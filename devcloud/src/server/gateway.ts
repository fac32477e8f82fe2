import type { IncomingMessage, ServerResponse } from 'node:http';
import { withUserInfo } from '../functions/caller-identity';
import { FunctionInvocationError, FunctionNotFoundError, type InvocationFailureCode } from '../functions/function-errors';
import type { FunctionHost } from '../functions/function-host';
import { BodyTooLargeError, readBody, sendJson } from './http-io';

/** The platform caps a callFunction payload well below this; 1 MB keeps a runaway client honest. */
const EVENT_BODY_LIMIT = 1024 * 1024;

/** No contract nests deeper than a handful of levels; cloning a very deep value blows the stack. */
export const EVENT_MAX_DEPTH = 64;

/** Nesting depth of JSON text (brackets outside strings), stopping as soon as it passes `limit`. */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const GATEWAY_STATUS: Record<InvocationFailureCode, number> = { 'SYSTEM.TIMEOUT': 504, 'SYSTEM.INTERNAL': 500, 'INPUT.INVALID': 400 };

export const DB_REQUESTS_HEADER = 'X-Devcloud-Db-Requests';

function fail(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string | number> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

/**
 * `POST /api/functions/:name`: what `Taro.cloud.callFunction` is in h5. The body is the event, the
 * caller is `X-Dev-Openid` (absent = no identity), the reply is the function's return value as JSON.
 */
export async function handleFunctionGateway(req: IncomingMessage, res: ServerResponse, name: string, host: FunctionHost): Promise<void> {
  let event: unknown;
  try {
    const raw = await readBody(req, EVENT_BODY_LIMIT);
    const text = raw.toString('utf8');
    if (exceedsJsonDepth(text, EVENT_MAX_DEPTH)) return fail(res, 400, 'INPUT.INVALID', `请求内容嵌套过深（上限 ${EVENT_MAX_DEPTH} 层）`);
    event = raw.length === 0 ? {} : (JSON.parse(text) as unknown);
  } catch (err) {
    if (err instanceof BodyTooLargeError) fail(res, 413, 'INPUT.INVALID', '请求内容过大（上限 1 MB）');
    else fail(res, 400, 'INPUT.INVALID', '请求内容不是有效的 JSON');
    return;
  }
  const openid = req.headers['x-dev-openid'];
  const identity = typeof openid === 'string' && openid.trim() !== '' ? { openid: openid.trim() } : null;
  try {
    const { result, dbRequests, durationMs } = await host.invoke(name, withUserInfo(event, identity), { identity, source: 'wx_client' });
    sendJson(res, 200, result, { [DB_REQUESTS_HEADER]: dbRequests, 'X-Devcloud-Duration-Ms': durationMs });
  } catch (err) {
    if (err instanceof FunctionNotFoundError) {
      fail(res, 404, 'NOT_FOUND', err.message);
    } else if (err instanceof FunctionInvocationError) {
      fail(res, GATEWAY_STATUS[err.code], err.code, err.message, {
        [DB_REQUESTS_HEADER]: err.dbRequests,
        'X-Devcloud-Duration-Ms': err.durationMs,
      });
    } else {
      throw err;
    }
  }
}
