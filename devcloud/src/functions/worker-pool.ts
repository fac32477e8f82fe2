import type { FunctionDeployment } from './function-catalog';
import type { FunctionWorker } from './function-worker';

interface Waiter {
  resolve: (worker: FunctionWorker) => void;
  reject: (err: Error) => void;
}

/**
 * The warm instances of one function version. Callers get an idle, loaded worker; when none is idle the
 * pool starts another, up to a cap (like the platform's concurrent instances), at most `parallelStarts` cold
 * starts at a time (the CPU count): loading wx-server-sdk takes about a second of CPU, so starting one at a
 * time leaves cores idle during a cold burst, and starting eight at once on two cores delays them all.
 * A start is made only for a caller still waiting beyond those already starting, or to reach `warm(n)`.
 */
export class WorkerPool {
  private readonly idle: FunctionWorker[] = [];
  private readonly all = new Set<FunctionWorker>();
  private readonly waiting: Waiter[] = [];
  private starting = 0;
  /** Instances to keep started even with nobody waiting (prewarm). */
  private minimum = 0;
  private retired = false;
  private closed = false;

  constructor(
    readonly deployment: FunctionDeployment,
    private readonly spawn: (onDeath: (worker: FunctionWorker) => void) => FunctionWorker,
    private readonly maxWorkers: number,
    private readonly parallelStarts = 1,
  ) {}

  /** Starts instances in the background until `count` (capped) exist. */
  warm(count: number): void {
    this.minimum = Math.min(count, this.maxWorkers);
    this.startIfNeeded();
  }

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
    while (
      !this.closed &&
      this.all.size < this.maxWorkers &&
      this.starting < this.parallelStarts &&
      (this.waiting.length > this.starting || this.all.size < this.minimum)
    ) {
      this.startOne();
    }
  }

  private startOne(): void {
    this.starting += 1;
    const worker = this.spawn((dead) => this.forget(dead));
    this.all.add(worker);
    worker.ready.then(
      () => {
        this.starting -= 1;
        if (worker.isAlive) this.offer(worker);
        this.startIfNeeded();
      },
      (err: Error) => {
        this.starting -= 1;
        // Each failed load answers one caller, so a broken bundle fails calls instead of retrying forever.
        this.minimum = 0;
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
