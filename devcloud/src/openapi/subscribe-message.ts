import type { NewOutboxMessage } from './outbox';

/** A WeChat API error as `errcode`/`errmsg`, which the SDK turns into a CloudSDKError with that code. */
export interface WxApiError {
  errcode: number;
  errmsg: string;
}

export type SubscribeMessageArgs = Omit<NewOutboxMessage, 'functionName' | 'callerTag'>;

/**
 * Checks `subscribeMessage.send` arguments (snake_case, as the SDK sends them) the way WeChat does,
 * with WeChat's error codes, so a function that forgets one fails here as it would in production.
 */
export function parseSubscribeMessage(args: Record<string, unknown>): SubscribeMessageArgs | WxApiError {
  const { touser, template_id, page, data, miniprogram_state, lang } = args;
  if (typeof touser !== 'string' || touser === '') return { errcode: 40003, errmsg: 'invalid openid' };
  if (typeof template_id !== 'string' || template_id === '') return { errcode: 40037, errmsg: 'invalid template_id' };
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
  for (const [key, entry] of Object.entries(data)) {
    const value = (entry as { value?: unknown } | null)?.value;
    if (typeof value !== 'string' && typeof value !== 'number') {
      return { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty` };
    }
  }
  if (miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(miniprogram_state))) {
    return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state' };
  }
  return {
    touser,
    templateId: template_id,
    page: typeof page === 'string' ? page : null,
    data: data as Record<string, unknown>,
    miniprogramState: typeof miniprogram_state === 'string' ? miniprogram_state : null,
    lang: typeof lang === 'string' ? lang : null,
  };
}
