/**
 * `devcloud` from the command line: PORT (default 8080) and DEVCLOUD_DATA (default `.devcloud` at the
 * repository root) from the environment, functions from `cloudfunctions/`, the h5 build from
 * `client/dist/h5`, the index manifest from `cloudbase/indexes.json` when present.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadIndexManifest } from './engine';
import { startDevcloud } from './index';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const manifestPath = path.join(REPO_ROOT, 'cloudbase', 'indexes.json');
  const devcloud = await startDevcloud({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.DEVCLOUD_DATA ?? path.join(REPO_ROOT, '.devcloud'),
    functionsRoot: path.join(REPO_ROOT, 'cloudfunctions'),
    staticRoot: path.join(REPO_ROOT, 'client', 'dist', 'h5'),
    indexManifest: existsSync(manifestPath) ? loadIndexManifest(manifestPath) : undefined,
  });
  console.log(`devcloud 已启动: ${devcloud.url}  (函数: ${devcloud.functions.listFunctions().join(', ') || '无'})`);
  const stop = (): void => {
    devcloud.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('devcloud 启动失败:', err);
  process.exit(1);
});
