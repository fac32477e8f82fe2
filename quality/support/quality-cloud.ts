import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Envelope } from '@zbxx/contracts';
import { buildFunctions, bundlesAreFresh, startTestCloud, type TestCloud } from '@zbxx/testing';
import { QUALITY_NOW } from './quality-county';
import type { Engine } from '@zbxx/devcloud';

import { ALL_CONTRACTS } from './contracts';

export { ALL_CONTRACTS };

const repoRoot = path.resolve(__dirname, '../..');

export interface HostedFunctions {
  hosted: string[];
  /** Contracts whose function could not be built yet (named with the reason, for the test titles). */
  missing: Map<string, string>;
}

/**
 * Builds every function that has an entry; one that does not build (yet: a feature landing in the same
 * checkout) is reported, not fatal, so the other functions' checks still run.
 */
export function buildAvailableFunctions(): HostedFunctions {
  const missing = new Map<string, string>();
  const present = ALL_CONTRACTS.map((c) => c.name).filter((name) => {
    if (existsSync(path.join(repoRoot, 'cloudfunctions', name, 'src/index.ts'))) return true;
    missing.set(name, 'no src/index.ts yet');
    return false;
  });
  if (bundlesAreFresh(present)) return { hosted: present, missing };
  try {
    // One esbuild process for all (about half the time of one per function on two cores).
    buildFunctions(present);
    return { hosted: present, missing };
  } catch {
    const hosted: string[] = [];
    for (const name of present) {
      try {
        buildFunctions([name]);
        hosted.push(name);
      } catch (error) {
        missing.set(name, `does not build: ${String((error as { stderr?: Buffer }).stderr ?? error).slice(0, 200)}`);
      }
    }
    return { hosted, missing };
  }
}

/** The database as text, one entry per collection, in `_id` order: equal text = byte-for-byte equal data. */
export type DatabaseDump = Record<string, string>;

function serialize(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: Number.isNaN(raw.getTime()) ? 'Invalid' : raw.toISOString() };
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { $number: String(raw) };
    if (raw === undefined && key !== '') return { $undefined: true };
    return v;
  });
}

export function dumpDatabase(engine: Engine): DatabaseDump {
  return dumpCollections(engine, engine.listCollections().sort());
}

export interface QualityCloud {
  cloud: TestCloud;
  hosted: HostedFunctions;
  /** Calls `fn.action` as `openid` with the event sent as JSON, the way the platform delivers it. */
  call(fn: string, action: string, data: unknown, openid: string, requestId?: string): Promise<Envelope<unknown>>;
  /** Sends an arbitrary event (fuzzing), JSON round-tripped like `call`. */
  send(fn: string, event: unknown, openid: string): Promise<Envelope<unknown>>;
  dump(): DatabaseDump;
  /** Names of the collections written since the last call (cheap: no dump). */
  takeWrites(): string[];
  /** Takes the current database as the baseline that `reset` returns to. */
  markBaseline(): void;
  /**
   * Puts back exactly the collections that differ from the baseline (a fresh seed for the next probe) and
   * returns their names: [] when nothing was written since the baseline.
   */
  reset(): string[];
  close(): Promise<void>;
}

/** JSON as the platform carries an event: `undefined` keys dropped, NaN/Infinity → null, lone surrogates kept. */
export function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

/**
 * The collections written since the last `take()`: devcloud's engine commits every write (plain or at a
 * transaction's commit) through one private method, which is wrapped here so that a probe that wrote nothing
 * costs no dump (~100 ms for the whole database here) and one that wrote costs a dump of what it touched.
 * Without that method (devcloud changed), every collection counts as touched: slower, still exact.
 */
function watchWrites(engine: Engine): { take(): string[] } {
  const target = engine as unknown as { commitWrites?: (writes: readonly { collection: string }[]) => void };
  const original = target.commitWrites;
  if (typeof original !== 'function') return { take: () => engine.listCollections() };
  const touched = new Set<string>();
  target.commitWrites = function commitWrites(this: unknown, writes) {
    for (const write of writes) touched.add(write.collection);
    return original.call(engine, writes);
  };
  return {
    take() {
      const names = [...touched].sort();
      touched.clear();
      return names;
    },
  };
}

function dumpCollections(engine: Engine, names: readonly string[]): DatabaseDump {
  const dump: DatabaseDump = {};
  for (const name of names) {
    if (!engine.hasCollection(name)) continue;
    const docs = engine.find(name, {}, { sort: { _id: 1 } });
    if (docs.length > 0) dump[name] = serialize(docs);
  }
  return dump;
}

/** `now`: the instant the suite runs at (the test clock is set to it); by default the quality county's. */
export async function startQualityCloud(seed: Record<string, readonly object[]>, now: Date = QUALITY_NOW): Promise<QualityCloud> {
  const hosted = buildAvailableFunctions();
  const cloud = await startTestCloud({ functions: [], seed, now });
  const { engine } = cloud;
  const writes = watchWrites(engine);
  const send = async (fn: string, event: unknown, openid: string) =>
    (await cloud.call<Envelope<unknown>>(fn, overTheWire(event), openid)).result;
  let baseline: { dump: DatabaseDump; docs: Record<string, object[]> } | null = null;
  return {
    cloud,
    hosted,
    send,
    call: (fn, action, data, openid, requestId) =>
      send(fn, { action, ...(data === undefined ? {} : { data }), ...(requestId ? { requestId } : {}) }, openid),
    dump: () => dumpDatabase(engine),
    takeWrites: () => writes.take(),
    markBaseline() {
      const docs = Object.fromEntries(
        engine.listCollections().map((name) => [name, engine.find(name, {}, { sort: { _id: 1 } }) as object[]]),
      );
      baseline = { dump: dumpDatabase(engine), docs };
      writes.take();
    },
    reset() {
      if (!baseline) throw new Error('reset() before markBaseline()');
      const touched = writes.take();
      if (touched.length === 0) return [];
      const now = dumpCollections(engine, touched);
      const changed = touched.filter((name) => baseline!.dump[name] !== now[name]);
      for (const name of changed) {
        engine.remove(name, {}, { multi: true });
        const docs = baseline.docs[name] ?? [];
        if (docs.length > 0) engine.insertMany(name, docs as Parameters<Engine['insertMany']>[1]);
      }
      writes.take();
      return changed;
    },
    close: () => cloud.close(),
  };
}
