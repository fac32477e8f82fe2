/**
 * The child process of the kill test: the local app exactly as `npm start` runs it (scripts/app.ts), on
 * PORT and DEVCLOUD_DATA. On the first start it seeds the demo county and binds every unclaimed roster
 * entry, so a burst has plenty of distinct members; a restart on the same data directory seeds nothing.
 * DEVCLOUD_CLOCK sets the instant it runs at (the test's). Prints one JSON line `{ ready, url, seeded }` once it listens.
 */
import { resolve } from 'node:path';
import { bindMembers } from '../../bench/lib/bind-members';
import { clockFromEnv, startApp } from '../../scripts/app';

async function main(): Promise<void> {
  const port = Number(process.env.PORT);
  const dataDir = process.env.DEVCLOUD_DATA;
  if (!Number.isInteger(port) || port <= 0 || !dataDir) throw new Error('PORT and DEVCLOUD_DATA are required');
  const members = Number(process.env.FAULT_COUNTY_MEMBERS ?? 480);
  const app = await startApp({ port, dataDir: resolve(dataDir), seed: { members, branches: 12, committees: 3 }, now: clockFromEnv() });
  if (app.seeded) {
    const engine = app.devcloud.engine;
    bindMembers(engine, engine.count('members', { openid: { $exists: false } }));
  }
  process.stdout.write(`${JSON.stringify({ ready: true, url: app.url, seeded: app.seeded })}\n`);
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error('fault app failed to start:', err);
  process.exit(1);
});
