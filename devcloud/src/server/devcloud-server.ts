import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { CallerIdentity } from '../functions/caller-identity';
import { withUserInfo } from '../functions/caller-identity';
import { FunctionHost, type InvocationResult } from '../functions/function-host';
import { registerFunctionActions } from '../functions/invoke-function-action';
import { registerOpenApiActions } from '../openapi/openapi-actions';
import { Outbox } from '../openapi/outbox';
import { handleFileRequest } from '../storage/file-routes';
import { FileStore } from '../storage/file-store';
import { registerStorageActions } from '../storage/storage-actions';
import { StorageService } from '../storage/storage-service';
import type { AdminActionRegistry } from './admin-actions';
import { handleAdminRequest } from './admin-endpoint';
import { devcloudClock, type DevcloudClock } from '../clock/clock';
import { handleClock, sendIdentities, type DevIdentitiesProvider } from './dev-endpoints';
import { handleFunctionGateway } from './gateway';
import { isForeignOrigin, newDevToken, refusalOf } from './local-guard';
import { sendJson } from './http-io';
import { RequestStats } from './request-stats';
import { serveStatic } from './static-files';

export const DEFAULT_ENV_ID = 'devcloud';

/** Everything devcloud serves besides the database, which the caller brings as `registry` + `engine`. */
export interface DevcloudServerOptions<Engine> {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where files and the outbox live; ':memory:' keeps nothing after close. */
  dataDir: string;
  functionsRoot?: string;
  staticRoot?: string;
  devIdentities?: DevIdentitiesProvider;
  /** What `cloud.DYNAMIC_CURRENT_ENV` resolves to and fileIDs name. */
  envId?: string;
  maxWorkersPerFunction?: number;
  /** The token `/admin` and `/api/dev/*` require (local-guard.ts); default DEVCLOUD_TOKEN, else random per run. */
  token?: string;
  /** Instances each function starts at launch, in the background (0: on first call). */
  prewarm?: number;
  /** Cold starts in parallel per function (default: the CPU count). */
  parallelStarts?: number;
  /** Holds the database actions already; devcloud adds storage, functions and openapi. */
  registry: AdminActionRegistry;
  engine: Engine;
  /** Called last on close (the database's own shutdown). */
  closeEngine?: () => Promise<void> | void;
}

export interface Devcloud<Engine = unknown> {
  url: string;
  /** This run's token for `/admin` (the SDK carries it, see sdkEnv) and `/api/dev/*` (X-Devcloud-Token). */
  token: string;
  port: number;
  envId: string;
  engine: Engine;
  registry: AdminActionRegistry;
  outbox: Outbox;
  stats: RequestStats;
  functions: FunctionHost;
  /**
   * The test clock: off (the machine's time) unless a test sets it; then functions, transactions, serverDate and
   * the outbox all read it. One per process, shared by every devcloud in it.
   */
  clock: DevcloudClock;
  /** Calls a function as the client would (`userInfo` injected); an openid string is shorthand. */
  invoke(name: string, event: unknown, identity?: CallerIdentity | string | null): Promise<InvocationResult>;
  close(): Promise<void>;
}

interface DataPaths {
  files: string;
  outbox: string;
  /** Removed on close (only for ':memory:'). */
  scratch: string | null;
}

function dataPaths(dataDir: string): DataPaths {
  if (dataDir === ':memory:') {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'devcloud-files-'));
    return { files: scratch, outbox: ':memory:', scratch };
  }
  const root = path.resolve(dataDir);
  mkdirSync(path.join(root, 'files'), { recursive: true });
  return { files: path.join(root, 'files'), outbox: path.join(root, 'outbox.sqlite'), scratch: null };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Dev endpoints the h5 page itself reads (same origin, no token): the identity picker's list, nothing else. */
const PAGE_READABLE_DEV_ENDPOINTS = new Set(['GET /api/dev/identities']);

function refuse(res: ServerResponse, reason: string): void {
  sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: `devcloud: ${reason}` } });
}

export async function startDevcloudServer<Engine>(options: DevcloudServerOptions<Engine>): Promise<Devcloud<Engine>> {
  const envId = options.envId ?? DEFAULT_ENV_ID;
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? process.env.DEVCLOUD_TOKEN ?? newDevToken();
  const staticRoot = options.staticRoot ? path.resolve(options.staticRoot) : null;
  const paths = dataPaths(options.dataDir);
  const { registry } = options;
  let baseUrl = '';
  const currentUrl = (): string => baseUrl;

  const stats = new RequestStats();
  const outbox = new Outbox(paths.outbox);
  const functions = new FunctionHost({
    functionsRoot: options.functionsRoot ? path.resolve(options.functionsRoot) : null,
    envId,
    baseUrl: currentUrl,
    stats,
    token,
    maxWorkersPerFunction: options.maxWorkersPerFunction,
    parallelStarts: options.parallelStarts,
  });
  const storage = new StorageService(new FileStore(paths.files), envId, currentUrl);
  registerStorageActions(registry, storage);
  registerFunctionActions(registry, functions);
  registerOpenApiActions(registry, { outbox, callerOf: (tag) => functions.callerOf(tag) });

  const startedAt = Date.now();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://devcloud');
    const method = req.method ?? 'GET';

    const admin = /^\/admin(?:\/([^/]+))?\/?$/.exec(pathname);
    if (admin) {
      if (method !== 'POST') return sendJson(res, 405, { code: 'INVALID_PARAM', message: 'POST only' });
      const refusal = refusalOf(req, token);
      if (refusal) return refuse(res, refusal);
      const tag = admin[1] === undefined ? null : decodeURIComponent(admin[1]);
      return handleAdminRequest(req, res, tag, registry, stats);
    }
    if (pathname === '/healthz') {
      return sendJson(res, 200, { ok: true, envId, uptimeMs: Date.now() - startedAt, functions: functions.listFunctions() });
    }
    if (pathname.startsWith('/api/')) {
      // Same origin only: no CORS headers are ever sent, and a foreign page's simple request is refused here.
      if (isForeignOrigin(req)) return refuse(res, 'cross-origin requests are refused');
      const gateway = /^\/api\/functions\/([^/]+)$/.exec(pathname);
      if (gateway?.[1] !== undefined && method === 'POST')
        return handleFunctionGateway(req, res, decodeURIComponent(gateway[1]), functions);
      // Every other dev endpoint, present or future, is guarded unless the page itself must read it.
      if (pathname.startsWith('/api/dev/') && !PAGE_READABLE_DEV_ENDPOINTS.has(`${method} ${pathname}`)) {
        const refusal = refusalOf(req, token);
        if (refusal) return refuse(res, refusal);
      }
      if (method === 'GET' && pathname === '/api/dev/identities') return sendIdentities(res, options.devIdentities);
      if (method === 'GET' && pathname === '/api/dev/outbox') return sendJson(res, 200, { messages: outbox.list() });
      if ((method === 'GET' || method === 'POST') && pathname === '/api/dev/clock') return handleClock(req, res, devcloudClock);
      if (method === 'GET' && pathname === '/api/dev/stats') return sendJson(res, 200, stats.snapshot());
      return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `未知接口：${method} ${pathname}` } });
    }
    if (pathname.startsWith('/files/')) return handleFileRequest(req, res, pathname.slice('/files/'.length), searchParams, storage);
    if (method === 'GET' || method === 'HEAD') return serveStatic(req, res, staticRoot, pathname);
    res.writeHead(405, { allow: 'GET, HEAD' });
    res.end();
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error('[devcloud] request failed', req.method, req.url, err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'SYSTEM.INTERNAL', message: 'devcloud 内部错误' } });
      else res.destroy();
    });
  });
  // Longer than the SDK's keep-alive agent keeps idle sockets (4.8 s), so the client always closes first
  // and never reuses a socket the server is closing.
  server.keepAliveTimeout = 10_000;

  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (err) {
    outbox.close();
    if (paths.scratch) rmSync(paths.scratch, { recursive: true, force: true });
    throw err;
  }
  baseUrl = `http://${host}:${port}`;

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    await functions.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    outbox.close();
    await options.closeEngine?.();
    if (paths.scratch) rmSync(paths.scratch, { recursive: true, force: true });
  }

  if (options.prewarm) functions.prewarm(options.prewarm);

  return {
    url: baseUrl,
    token,
    port,
    envId,
    engine: options.engine,
    registry,
    outbox,
    stats,
    functions,
    clock: devcloudClock,
    invoke(name, event, identity = null) {
      const caller = typeof identity === 'string' ? { openid: identity } : identity;
      return functions.invoke(name, withUserInfo(event, caller), { identity: caller, source: 'wx_client' });
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}
