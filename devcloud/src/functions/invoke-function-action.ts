import { AdminActionError, type AdminActionRegistry } from '../server/admin-actions';
import { FunctionInvocationError, FunctionNotFoundError } from './function-errors';
import type { FunctionHost } from './function-host';

/**
 * `cloud.callFunction` from inside a function: node-sdk sends `{ action: 'functions.invokeFunction',
 * function_name, request_data: JSON string }` and reads `data.response_data` (a JSON string). The callee
 * runs as the caller's user, as on the platform, and its database requests count for the caller too.
 */
export function registerFunctionActions(registry: AdminActionRegistry, host: FunctionHost): void {
  registry.register('functions.invokeFunction', async ({ body, callerTag }) => {
    const name = typeof body.function_name === 'string' ? body.function_name : '';
    if (!name) throw new AdminActionError('INVALID_PARAM', '函数名不能为空');
    const event = parseRequestData(body.request_data);
    const caller = host.callerOf(callerTag);
    try {
      const { result } = await host.invoke(name, event, {
        identity: caller?.identity ?? null,
        source: 'wx_function',
        parentTag: caller ? callerTag : null,
      });
      return { data: { response_data: JSON.stringify(result) } };
    } catch (err) {
      if (err instanceof FunctionNotFoundError) throw new AdminActionError('FUNCTIONS_REQUEST_FAIL', err.message);
      if (err instanceof FunctionInvocationError) throw new AdminActionError('FUNCTIONS_EXECUTE_FAIL', `${err.message}: ${err.detail}`);
      throw err;
    }
  });
}

function parseRequestData(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new AdminActionError('INVALID_PARAM', 'request_data is not valid JSON');
  }
}
