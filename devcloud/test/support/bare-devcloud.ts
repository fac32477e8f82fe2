import path from 'node:path';
import { AdminActionRegistry } from '../../src/server/admin-actions';
import { startDevcloudServer, type Devcloud, type DevcloudServerOptions } from '../../src/server/devcloud-server';
import { adminUrlFor, sdkEnvFor } from '../../src/server/sdk-env';

export const FIXTURE_FUNCTIONS = path.join(__dirname, '..', 'fixtures', 'functions');

/**
 * devcloud without the database engine: the server, function host, storage and openapi, for tests that
 * must not depend on the database. Extra actions can be registered on `registry` before the call.
 */
export function startBareDevcloud(options: Partial<DevcloudServerOptions<null>> = {}): Promise<Devcloud<null>> {
  return startDevcloudServer({
    dataDir: ':memory:',
    functionsRoot: FIXTURE_FUNCTIONS,
    registry: new AdminActionRegistry(),
    engine: null,
    ...options,
  });
}

/**
 * Points the wx-server-sdk of this jest worker at `devcloud` (it reads process.env on every request);
 * returns a function that restores the previous environment.
 */
export function pointSdkAt(devcloud: Pick<Devcloud, 'url' | 'envId' | 'token'>, callerTag: string | null = null): () => void {
  const env = sdkEnvFor(adminUrlFor(devcloud.url, callerTag), devcloud.envId, devcloud.token);
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/** POSTs JSON to a devcloud path and returns the status, headers and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reply bodies are untyped JSON the tests read field by field.
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}
