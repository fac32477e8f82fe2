import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { devcloudClock } from '../clock/clock';

/** How one run ended, seen from outside the worker. */
export type RunOutcome =
  | { kind: 'returned'; json: string }
  | { kind: 'threw'; detail: string }
  | { kind: 'crashed'; detail: string }
  | { kind: 'timedOut' }
  /** The request could not be handed to the worker (e.g. too deeply nested to clone); the worker stays free. */
  | { kind: 'refused'; detail: string };

export interface RunRequest {
  event: unknown;
  context: Record<string, unknown>;
  /** Identity and service URL of this invocation, set in the worker's own process.env. */
  env: Record<string, string>;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'load-failed'; detail: string }
  | { type: 'returned'; id: number; json: string }
  | { type: 'threw'; id: number; detail: string };

const BOOTSTRAP = path.join(__dirname, 'worker-bootstrap.cjs');

/** The platform's default instance memory; a runaway function fails alone instead of swapping the machine. */
const MEMORY_LIMIT_MB = 256;

/**
 * One warm instance of a function: a worker thread that loaded the bundle once and runs one invocation
 * at a time. A crash, an exit or a timeout ends the worker (the pool replaces it), never the server.
 */
export class FunctionWorker {
  /** Resolves once the bundle is loaded; rejects with the reason it could not be. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private alive = true;
  private lastError: string | null = null;
  private nextId = 0;
  private current: { id: number; settle: (outcome: RunOutcome) => void } | null = null;

  constructor(
    bundlePath: string,
    baseEnv: Record<string, string>,
    private readonly onDeath: (worker: FunctionWorker) => void,
  ) {
    this.worker = new Worker(BOOTSTRAP, {
      // The test clock's shared slots: the worker's Date reads them (worker-bootstrap.cjs).
      workerData: { bundlePath, baseEnv, clockBuffer: devcloudClock.buffer },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'load-failed') {
          reject(new Error(message.detail));
          void this.terminate();
        } else if (this.current?.id === message.id) {
          this.finish(message.type === 'returned' ? { kind: 'returned', json: message.json } : { kind: 'threw', detail: message.detail });
        }
      });
      this.worker.on('error', (err) => {
        this.lastError = err.stack ?? String(err);
      });
      this.worker.on('exit', (code) => {
        this.alive = false;
        const detail = this.lastError ?? `the function ended its process (exit code ${code})`;
        reject(new Error(detail));
        this.finish({ kind: 'crashed', detail });
        this.onDeath(this);
      });
    });
    // A load failure is reported to whoever awaits `ready`; nobody may be waiting yet.
    this.ready.catch(() => undefined);
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Runs one invocation; a timeout terminates the worker, because a hung function cannot be stopped otherwise. */
  run(request: RunRequest, timeoutMs: number): Promise<RunOutcome> {
    if (this.current) throw new Error('a function worker runs one invocation at a time');
    if (!this.alive) return Promise.resolve({ kind: 'crashed', detail: this.lastError ?? 'worker is gone' });
    this.nextId += 1;
    const id = this.nextId;
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.finish({ kind: 'timedOut' });
        void this.terminate();
      }, timeoutMs);
      this.current = {
        id,
        settle: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
      };
      try {
        this.worker.postMessage({ type: 'invoke', id, ...request });
      } catch (err) {
        // Nothing reached the worker: it is as free as before, so the run ends here and the pool may reuse it.
        this.finish({ kind: 'refused', detail: (err as Error)?.message ?? String(err) });
      }
    });
  }

  async terminate(): Promise<void> {
    if (!this.alive) return;
    // Dead from now on, so a pool never hands out a worker that is on its way out.
    this.alive = false;
    await this.worker.terminate();
  }

  private finish(outcome: RunOutcome): void {
    const current = this.current;
    this.current = null;
    current?.settle(outcome);
  }
}
