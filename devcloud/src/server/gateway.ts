import type { IncomingMessage, ServerResponse } from 'node:http';
import { withUserInfo } from '../functions/caller-identity';
import { FunctionInvocationError, FunctionNotFoundError } from '../functions/function-errors';
import type { FunctionHost } from '../functions/function-host';
import { BodyTooLargeError, readBody, sendJson } from './http-io';

/** The platform caps a callFunction payload well below this; 1 MB keeps a runaway client honest. */
const EVENT_BODY_LIMIT = 1024 * 1024;

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
    event = raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as unknown);
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
      fail(res, err.code === 'SYSTEM.TIMEOUT' ? 504 : 500, err.code, err.message, {
        [DB_REQUESTS_HEADER]: err.dbRequests,
        'X-Devcloud-Duration-Ms': err.durationMs,
      });
    } else {
      throw err;
    }
  }
}
