import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The platform's default timeout (seconds) when config.json names none. */
const DEFAULT_TIMEOUT_SECONDS = 3;

/** One deployable function folder as it is on disk now: `<root>/<name>/index.js` + `config.json`. */
export interface FunctionDeployment {
  name: string;
  bundlePath: string;
  /** Changes whenever the bundle is rebuilt; a changed bundle gets fresh workers. */
  version: number;
  timeoutMs: number;
  /** APIs named under `permissions.openapi` in config.json (the platform refuses others). */
  openapiPermissions: string[];
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/;

interface FunctionConfigFile {
  timeout?: unknown;
  permissions?: { openapi?: unknown };
}

function readConfig(dir: string): FunctionConfigFile {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as FunctionConfigFile;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`${dir}/config.json is not valid JSON: ${(err as Error).message}`);
  }
}

/** Reads a function folder on each call (a stat and a small file), so rebuilt bundles are picked up. */
export function findDeployment(functionsRoot: string | null, name: string): FunctionDeployment | null {
  if (functionsRoot === null || !FUNCTION_NAME.test(name)) return null;
  const dir = path.join(functionsRoot, name);
  const bundlePath = path.join(dir, 'index.js');
  const info = statSync(bundlePath, { throwIfNoEntry: false });
  if (!info?.isFile()) return null;
  const config = readConfig(dir);
  const timeoutSeconds = typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : DEFAULT_TIMEOUT_SECONDS;
  const openapi = config.permissions?.openapi;
  return {
    name,
    bundlePath,
    version: info.mtimeMs,
    timeoutMs: timeoutSeconds * 1000,
    openapiPermissions: Array.isArray(openapi) ? openapi.filter((api): api is string => typeof api === 'string') : [],
  };
}
