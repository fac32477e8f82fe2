import type { FunctionDeployment } from '../function-catalog';
import type { FunctionWorker } from '../function-worker';
import { WorkerPool } from '../worker-pool';

/** Stands in for a worker thread: the pool only looks at `ready`, liveness and termination. */
class FakeWorker {
  isAlive = true;
  readonly ready: Promise<void>;
  load!: () => void;
  failLoad!: (err: Error) => void;

  constructor(private readonly onDeath: (worker: FunctionWorker) => void) {
    this.ready = new Promise<void>((resolve, reject) => {
      this.load = resolve;
      this.failLoad = (err) => {
        this.isAlive = false;
        reject(err);
      };
    });
  }

  async terminate(): Promise<void> {
    this.isAlive = false;
  }

  die(): void {
    this.isAlive = false;
    this.onDeath(this as unknown as FunctionWorker);
  }
}

const DEPLOYMENT: FunctionDeployment = { name: 'f', bundlePath: '/f/index.js', version: 1, timeoutMs: 3000, openapiPermissions: [] };
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function poolOf(max: number): { pool: WorkerPool; spawned: FakeWorker[] } {
  const spawned: FakeWorker[] = [];
  const pool = new WorkerPool(
    DEPLOYMENT,
    (onDeath) => {
      const worker = new FakeWorker(onDeath);
      spawned.push(worker);
      return worker as unknown as FunctionWorker;
    },
    max,
  );
  return { pool, spawned };
}

describe('WorkerPool', () => {
  it('hands out a worker once it has loaded, and reuses it when idle', async () => {
    const { pool, spawned } = poolOf(4);
    const acquired = pool.acquire();
    await settle();
    spawned[0]!.load();
    const first = await acquired;
    pool.release(first);
    expect(await pool.acquire()).toBe(first);
    expect(spawned).toHaveLength(1);
  });

  it('cold-starts one worker at a time, up to the cap, while callers queue', async () => {
    const { pool, spawned } = poolOf(2);
    const calls = [pool.acquire(), pool.acquire(), pool.acquire()];
    await settle();
    expect(spawned).toHaveLength(1);
    spawned[0]!.load();
    const first = await calls[0]!;
    await settle();
    expect(spawned).toHaveLength(2);
    spawned[1]!.load();
    expect(await calls[1]!).toBe(spawned[1]);
    await settle();
    expect(spawned).toHaveLength(2); // the cap: the third caller waits for a release
    pool.release(first);
    expect(await calls[2]!).toBe(first);
  });

  it('starts a fresh worker for a waiting caller when a busy one dies', async () => {
    const { pool, spawned } = poolOf(1);
    const first = pool.acquire();
    await settle();
    spawned[0]!.load();
    await first;
    const waiting = pool.acquire();
    spawned[0]!.die();
    await settle();
    spawned[1]!.load();
    expect(await waiting).toBe(spawned[1]);
    expect(pool.size).toBe(1);
  });

  it('fails one caller per failed load instead of retrying forever', async () => {
    const { pool, spawned } = poolOf(4);
    const calls = [pool.acquire(), pool.acquire()];
    await settle();
    spawned[0]!.failLoad(new Error('broken'));
    await expect(calls[0]!).rejects.toThrow('broken');
    await settle();
    spawned[1]!.failLoad(new Error('still broken'));
    await expect(calls[1]!).rejects.toThrow('still broken');
  });

  it('terminates workers of a retired version when they come back, and refuses callers after close', async () => {
    const { pool, spawned } = poolOf(2);
    const acquired = pool.acquire();
    await settle();
    spawned[0]!.load();
    const busy = await acquired;
    pool.retire();
    pool.release(busy);
    expect(spawned[0]!.isAlive).toBe(false);
    await pool.close();
    await expect(pool.acquire()).rejects.toThrow('shutting down');
  });
});
