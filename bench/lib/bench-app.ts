import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { CountyOptions } from '@zbxx/demo-data';
import { startApp, type App } from '../../scripts/app';

/**
 * The local app as `npm start` runs it (devcloud + function bundles + index manifest), on a free port and a
 * fresh data directory under the run's scratch space, seeded with the given county.
 */
export async function startBenchApp(tmpDir: string, label: string, seed: CountyOptions | false): Promise<App & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpDir, `${label}-`));
  const app = await startApp({ port: 0, dataDir, seed });
  return { ...app, dataDir };
}
