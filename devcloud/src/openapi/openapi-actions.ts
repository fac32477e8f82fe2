import type { RunningInvocation } from '../functions/function-host';
import { AdminActionError, type AdminActionRegistry } from '../server/admin-actions';
import { BinaryReply } from '../server/admin-endpoint';
import { API_TYPE_OPEN_API, decodeCommApiData, encodeCommOpenApiResp } from './comm-api-proto';
import type { Outbox } from './outbox';
import { parseSubscribeMessage, type WxApiError } from './subscribe-message';

/** wx-server-sdk's ERR_CODE for the platform's own refusals (config/error.config.ts). */
const OPENAPI_NOT_FOUND = -604100;
const OPENAPI_NO_PERMISSION = -604101;

export interface OpenApiDeps {
  outbox: Outbox;
  callerOf: (callerTag: string | null) => RunningInvocation | undefined;
}

function jsonReply(body: WxApiError | (Record<string, unknown> & { errcode: 0 })): BinaryReply {
  return new BinaryReply(
    encodeCommOpenApiResp({ respData: Buffer.from(JSON.stringify(body)), contentType: 'application/json', errorCode: 0, httpCode: 200 }),
  );
}

function refusal(errorCode: number): BinaryReply {
  return new BinaryReply(encodeCommOpenApiResp({ respData: Buffer.alloc(0), contentType: '', errorCode, httpCode: 200 }));
}

/** Each pair's value is the argument as JSON text (json-bigint on the SDK side). */
function argumentsOf(pairs: Array<{ key: string; value: Buffer }>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const { key, value } of pairs) {
    try {
      args[key] = JSON.parse(value.toString('utf8')) as unknown;
    } catch {
      throw new AdminActionError('INVALID_PARAM', `openapi argument ${key} is not JSON`);
    }
  }
  return args;
}

/**
 * `cloud.openapi.*` arrives as multipart action `wx.openApi`: `apiName` (e.g. `subscribeMessage.send`) and
 * `requestData`, a protobuf CommApiData whose pairs are the arguments. The SDK expects a protobuf
 * CommOpenApiResp back, with WeChat's JSON answer in `respData`. devcloud implements the one API the
 * product uses, subscribe messages, by keeping them in the outbox.
 */
export function registerOpenApiActions(registry: AdminActionRegistry, deps: OpenApiDeps): void {
  registry.register('wx.openApi', ({ body, parts, callerTag }) => {
    const apiName = typeof body.apiName === 'string' ? body.apiName : '';
    const requestData = parts?.requestData;
    if (!requestData) throw new AdminActionError('INVALID_PARAM', 'wx.openApi without requestData');
    const request = decodeCommApiData(requestData);
    if (request.apiType !== API_TYPE_OPEN_API)
      throw new AdminActionError('INVALID_PARAM', `devcloud supports only OPEN_API calls, got apiType ${request.apiType}`);

    const caller = deps.callerOf(callerTag);
    // The platform lets a function call only the APIs its config.json lists under permissions.openapi.
    if (caller && !caller.openapiPermissions.includes(apiName)) return refusal(OPENAPI_NO_PERMISSION);
    if (apiName !== 'subscribeMessage.send') return refusal(OPENAPI_NOT_FOUND);

    const message = parseSubscribeMessage(argumentsOf(request.pairs));
    if ('errcode' in message) return jsonReply(message);
    const stored = deps.outbox.add({ ...message, functionName: caller?.functionName ?? null, callerTag });
    return jsonReply({ errcode: 0, errmsg: 'ok', msgid: stored.id });
  });
}
