import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(__dirname, 'serve-fault-app.ts');
const READY_LIMIT_MS = 60_000;

/** A port that was free a moment ago: the app restarts on the same one, so clients keep their URL. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface AppProcess {
  url: string;
  pid: number;
  seeded: boolean;
  /** `kill -9`: no shutdown hook runs, in-flight requests and open transactions die with it. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts devcloud + the function bundles as a separate OS process on `dataDir` (see serve-fault-app.ts). */
/** `now`: the instant the app's test clock starts at (it runs on from there). */
export async function startAppProcess(port: number, dataDir: string, now: Date): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), DEVCLOUD_DATA: dataDir, DEVCLOUD_CLOCK: now.toISOString() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    // devcloud logs failed functions on stderr; keep the tail for a start failure's message.
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  const ready = await new Promise<{ url: string; seeded: boolean }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within ${READY_LIMIT_MS} ms: ${stderr}`)), READY_LIMIT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the app exited before it was ready (${code ?? signal}): ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const parsed = JSON.parse(line) as { ready?: boolean; url: string; seeded: boolean };
      if (!parsed.ready) return;
      clearTimeout(timer);
      resolve(parsed);
    });
  });
  child.removeAllListeners('exit');
  const pid = child.pid!;
  return {
    ...ready,
    pid,
    async kill9() {
      process.kill(pid, 'SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited(child);
    },
  };
}
