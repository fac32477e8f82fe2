/**
 * The local app: devcloud serving the function bundles and the h5 build, with the demo county seeded into
 * an empty data directory. `npm start` runs it; browser tests and benchmarks start it the same way.
 */
import { join, resolve } from 'node:path';
import type { DevIdentity } from '@zbxx/contracts';
import { DEMO_UNBOUND_ENTRY, devIdentities, generateCounty, type CountyOptions, type DemoCollections } from '@zbxx/demo-data';
import { loadIndexManifest, startDevcloud, type Devcloud, type Engine } from '@zbxx/devcloud';

export const REPO_ROOT = resolve(__dirname, '..');

export interface AppOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** What to seed when the database is empty; false seeds nothing. */
  seed?: CountyOptions | false;
  staticRoot?: string;
  /**
   * Tests only: the instant the app runs at (devcloud's test clock, running on from there). Also the demo's
   * "today" unless `seed.today` says otherwise.
   */
  now?: Date;
  /** Instances of each function started at launch (DEVCLOUD_PREWARM for `npm start`). */
  prewarm?: number;
  /** Concurrent instances per function (DEVCLOUD_MAX_INSTANCES for `npm start`). */
  maxInstances?: number;
  /** Cold starts in parallel per function (default: the CPU count; benchmarks compare with 1). */
  parallelStarts?: number;
}

export interface App {
  devcloud: Devcloud<Engine>;
  url: string;
  /** True when this start seeded the demo county. */
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * The instant named by DEVCLOUD_CLOCK (ISO 8601, e.g. `2027-04-30T23:59:40+08:00`), for starting the app at a
 * chosen time (trying 月末 by hand, or a test's child process); undefined when unset.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const value = env.DEVCLOUD_CLOCK;
  if (!value) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`DEVCLOUD_CLOCK is not an instant: ${value}`);
  return at;
}

export async function startApp(options: AppOptions): Promise<App> {
  const devcloud = await startDevcloud({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir,
    functionsRoot: join(REPO_ROOT, 'cloudfunctions'),
    staticRoot: options.staticRoot ?? join(REPO_ROOT, 'client/dist/h5'),
    indexManifest: loadIndexManifest(join(REPO_ROOT, 'cloudbase/indexes.json')),
    devIdentities: () => listDevIdentities(devcloud.engine),
    prewarm: options.prewarm,
    maxWorkersPerFunction: options.maxInstances,
    parallelStarts: options.parallelStarts,
  });
  if (options.now) devcloud.clock.set(options.now);
  let seeded = false;
  if (options.seed !== false && devcloud.engine.count('orgs') === 0) {
    seedCounty(devcloud.engine, generateCounty({ today: options.now, ...options.seed }).collections);
    seeded = true;
  }
  return { devcloud, url: devcloud.url, seeded, close: () => devcloud.close() };
}

export function seedCounty(engine: Engine, collections: DemoCollections): void {
  for (const [name, docs] of Object.entries(collections)) {
    engine.createCollection(name);
    engine.insertMany(name, docs);
  }
}

/** The picker lists whoever is bound now, so it stays true after binds made during the session. */
function listDevIdentities(engine: Engine): DevIdentity[] {
  // The engine hands back untyped documents; these collections hold what the demo generator wrote.
  const bindings = engine.find('bindings') as unknown as DemoCollections['bindings'];
  const memberIds = bindings.flatMap((b) => (b.status === 'bound' ? [b.memberId] : []));
  // The unbound demo entry too: the picker tells testers what to type to bind as that person.
  const members = engine.find('members', {
    $or: [{ _id: { $in: memberIds } }, { name: DEMO_UNBOUND_ENTRY.name }],
  }) as unknown as DemoCollections['members'];
  const orgs = engine.find('orgs') as unknown as DemoCollections['orgs'];
  return devIdentities({ orgs, members, bindings });
}
