import type { FunctionEvent } from '@zbxx/contracts';
import { getDevOpenid } from './dev-identity';
import { TransportFailure, type InvokeFunction, type InvokeOptions } from './invoke-types';

type Fetch = typeof globalThis.fetch;

interface H5InvokeDeps {
  fetch: Fetch;
  getOpenid: () => string | null;
  /** Where devcloud's gateway lives; same origin by default (devcloud serves the h5 build). */
  baseUrl?: string;
}

/** Browser transport: devcloud's dev gateway `POST /api/functions/<name>`, identity from the picker. */
export function createH5Invoke({ fetch, getOpenid, baseUrl = '' }: H5InvokeDeps): InvokeFunction {
  return async (name: string, event: FunctionEvent, { timeoutMs }: InvokeOptions) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const openid = getOpenid();
    if (openid) headers['X-Dev-Openid'] = openid;

    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/functions/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(event),
        signal: controller.signal,
      });
    } catch (error) {
      throw new TransportFailure(controller.signal.aborted ? 'timeout' : 'unreachable', String(error));
    } finally {
      clearTimeout(timer);
    }

    const body: unknown = await response.json().catch(() => undefined);
    // The gateway answers with the function's own return value; a body without one means the host failed.
    if (body === undefined) {
      if (response.status === 504) throw new TransportFailure('timeout', `HTTP ${response.status}`);
      if (response.status >= 500) throw new TransportFailure('crashed', `HTTP ${response.status}`);
      throw new TransportFailure('unreachable', `HTTP ${response.status}`);
    }
    return body;
  };
}

export const invokeFunction: InvokeFunction = (name, event, options) =>
  createH5Invoke({ fetch: (...args) => globalThis.fetch(...args), getOpenid: getDevOpenid })(name, event, options);
