import type { FunctionDeployment } from './function-catalog';
import type { FunctionWorker } from './function-worker';

interface Waiter {
  resolve: (worker: FunctionWorker) => void;
  reject: (err: Error) => void;
}

/**
 * The warm instances of one function version. Callers get an idle, loaded worker; when none is idle the
 * pool starts another, up to a cap (like the platform's concurrent instances), one cold start at a time:
 * loading wx-server-sdk takes about a second of CPU, so a burst that started eight at once on two cores
 * would wait far longer than for the first warm worker to work through the queue.
 */
export class WorkerPool {
  private readonly idle: FunctionWorker[] = [];
  private readonly all = new Set<FunctionWorker>();
  private readonly waiting: Waiter[] = [];
  private starting = false;
  private retired = false;
  private closed = false;

  constructor(
    readonly deployment: FunctionDeployment,
    private readonly spawn: (onDeath: (worker: FunctionWorker) => void) => FunctionWorker,
    private readonly maxWorkers: number,
  ) {}

  get size(): number {
    return this.all.size;
  }

  /** Resolves with a loaded worker; rejects when the bundle cannot be loaded or the pool is closed. */
  acquire(): Promise<FunctionWorker> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.closed) return Promise.reject(new Error('devcloud is shutting down'));
    const acquired = new Promise<FunctionWorker>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.startIfNeeded();
    return acquired;
  }

  release(worker: FunctionWorker): void {
    if (worker.isAlive) this.offer(worker); // a dead worker's slot was freed by its death
  }

  /** A newer bundle was deployed: stop idle workers now, busy ones when they come back. */
  retire(): void {
    this.retired = true;
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('devcloud is shutting down'));
    this.retire();
    await Promise.all([...this.all].map((worker) => worker.terminate()));
  }

  private offer(worker: FunctionWorker): void {
    const next = this.waiting.shift();
    if (next) next.resolve(worker);
    else if (this.retired) void worker.terminate();
    else this.idle.push(worker);
  }

  private startIfNeeded(): void {
    if (this.starting || this.closed || this.waiting.length === 0 || this.all.size >= this.maxWorkers) return;
    this.starting = true;
    const worker = this.spawn((dead) => this.forget(dead));
    this.all.add(worker);
    worker.ready.then(
      () => {
        this.starting = false;
        if (worker.isAlive) this.offer(worker);
        this.startIfNeeded();
      },
      (err: Error) => {
        this.starting = false;
        // Each failed load answers one caller, so a broken bundle fails calls instead of retrying forever.
        this.waiting.shift()?.reject(err);
        this.startIfNeeded();
      },
    );
  }

  private forget(worker: FunctionWorker): void {
    this.all.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index !== -1) this.idle.splice(index, 1);
    this.startIfNeeded();
  }
}
