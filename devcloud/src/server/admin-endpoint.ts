import type { IncomingMessage, ServerResponse } from 'node:http';
import { AdminActionError, type AdminActionRegistry, type AdminRequestContext } from './admin-actions';
import { readBody, sendBytes, sendJson } from './http-io';
import { boundaryOf, parseMultipart } from './multipart';
import { newRequestId } from './request-id';
import type { RequestStats } from './request-stats';

/** SDK requests carry documents and batches; 50 MB is far above anything a function sends. */
const ADMIN_BODY_LIMIT = 50 * 1024 * 1024;

/**
 * A handler may answer bytes instead of JSON (wx.openApi answers protobuf); the SDK reads those raw.
 */
export class BinaryReply {
  constructor(
    readonly body: Buffer,
    readonly contentType = 'application/octet-stream',
  ) {}
}

/**
 * Failures travel as HTTP 200 with `{ code, message, requestId }`: node-sdk's requester throws a generic
 * error on any other status, but turns a body with `code` into a TcbError (or, with wx-server-sdk's
 * `throwOnCode: false`, hands it to the caller, who maps `code` through its TCB_ERR_CODE table).
 */
function sendFailure(res: ServerResponse, code: string, message: string, requestId: string): void {
  sendJson(res, 200, { code, message, requestId });
}

async function readAdminBody(req: IncomingMessage): Promise<Pick<AdminRequestContext, 'body' | 'parts'>> {
  const raw = await readBody(req, ADMIN_BODY_LIMIT);
  const boundary = boundaryOf(req.headers['content-type']);
  if (boundary) {
    const parts = parseMultipart(raw, boundary);
    const body = Object.fromEntries(Object.entries(parts).map(([name, value]) => [name, value.toString('utf8')]));
    return { body, parts };
  }
  const parsed: unknown = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('body is not a JSON object');
  return { body: parsed as Record<string, unknown> };
}

export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  callerTag: string | null,
  registry: AdminActionRegistry,
  stats: RequestStats,
): Promise<void> {
  const requestId = newRequestId();
  let ctx: AdminRequestContext;
  try {
    ctx = { callerTag, ...(await readAdminBody(req)) };
  } catch (err) {
    sendFailure(res, 'INVALID_PARAM', `devcloud: unreadable request body (${(err as Error).message})`, requestId);
    return;
  }
  const action = typeof ctx.body.action === 'string' ? ctx.body.action : '';
  const handler = registry.get(action);
  if (!handler) {
    sendFailure(res, 'INVALID_ACTION', `devcloud does not implement action "${action}"`, requestId);
    return;
  }
  stats.countRequest(action, callerTag);
  try {
    const result = await handler(ctx);
    if (result instanceof BinaryReply) {
      sendBytes(res, 200, result.contentType, result.body);
    } else if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
      sendJson(res, 200, { requestId, ...(result as Record<string, unknown>) });
    } else {
      sendJson(res, 200, { requestId, data: result });
    }
  } catch (err) {
    if (err instanceof AdminActionError) {
      sendFailure(res, err.code, err.message, requestId);
    } else {
      console.error(`[devcloud] ${action} failed`, err);
      sendFailure(res, 'SYS_ERR', `devcloud: ${action} failed: ${(err as Error)?.message ?? String(err)}`, requestId);
    }
  }
}
