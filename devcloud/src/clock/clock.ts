/**
 * The test clock (in the spirit of Stripe's test clocks): tests and benchmarks set the instant that devcloud
 * and every function invocation see, and move it on. Off unless a test turns it on; then `new Date()` and
 * `Date.now()` inside the unmodified function bundles (see worker-bootstrap.cjs) and devcloud's own clock
 * (`devcloudNow()`: transactions, serverDate, upload grants, outbox) read it instead of the machine's.
 *
 * The state lives in a SharedArrayBuffer handed to every worker, so a change is seen by all of them at once,
 * including workers that are busy. One clock per process (a jest test file is one module registry): two
 * devclouds in one test share it, as two servers on one machine share its clock.
 */

/** Layout of the shared Float64Array; worker-bootstrap.cjs reads the same slots. */
export const CLOCK_SLOTS = { mode: 0, base: 1, anchor: 2 } as const;
export const CLOCK_MODE = { off: 0, running: 1, frozen: 2 } as const;

const realNow = (): number => Date.now();

export type Instant = Date | string | number;

function toMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

export interface ClockState {
  mode: 'off' | 'running' | 'frozen';
  /** What the clock says now, ISO 8601 UTC. */
  now: string;
}

export class DevcloudClock {
  /** Handed to function workers through workerData. */
  readonly buffer = new SharedArrayBuffer(3 * Float64Array.BYTES_PER_ELEMENT);
  private readonly slots = new Float64Array(this.buffer);

  /** What the clock says, in epoch milliseconds: the machine's time while it is off. */
  now(): number {
    const mode = this.slots[CLOCK_SLOTS.mode];
    if (mode === CLOCK_MODE.frozen) return this.slots[CLOCK_SLOTS.base]!;
    if (mode === CLOCK_MODE.running) return this.slots[CLOCK_SLOTS.base]! + (realNow() - this.slots[CLOCK_SLOTS.anchor]!);
    return realNow();
  }

  date(): Date {
    return new Date(this.now());
  }

  get mode(): ClockState['mode'] {
    const mode = this.slots[CLOCK_SLOTS.mode];
    return mode === CLOCK_MODE.frozen ? 'frozen' : mode === CLOCK_MODE.running ? 'running' : 'off';
  }

  state(): ClockState {
    return { mode: this.mode, now: this.date().toISOString() };
  }

  /** The clock says `instant` now and runs on from there at the machine's pace. */
  set(instant: Instant): this {
    return this.write(CLOCK_MODE.running, toMs(instant));
  }

  /** The clock says `instant` (default: what it says now) and stands still until advanced or set. */
  freeze(instant: Instant = this.now()): this {
    return this.write(CLOCK_MODE.frozen, toMs(instant));
  }

  /** Moves the clock forward by `ms` (frozen stays frozen; an off clock starts running from now + ms). */
  advance(ms: number): this {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`the clock only moves forward: ${ms}`);
    const mode = this.slots[CLOCK_SLOTS.mode] === CLOCK_MODE.frozen ? CLOCK_MODE.frozen : CLOCK_MODE.running;
    return this.write(mode, this.now() + ms);
  }

  /** Back to the machine's clock. */
  reset(): this {
    return this.write(CLOCK_MODE.off, 0);
  }

  private write(mode: number, base: number): this {
    // Mode last: a reader between the writes sees the old mode with at worst a moved base (a few ms).
    this.slots[CLOCK_SLOTS.base] = base;
    this.slots[CLOCK_SLOTS.anchor] = realNow();
    this.slots[CLOCK_SLOTS.mode] = mode;
    return this;
  }
}

/** The process's clock: every devcloud started in this process reads and hands out this one. */
export const devcloudClock = new DevcloudClock();

/** devcloud's own "now" (epoch ms): the test clock when a test set it, the machine's otherwise. */
export function devcloudNow(): number {
  return devcloudClock.now();
}
