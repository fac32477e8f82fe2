// The server half of `npm start`: devcloud with the demo county on PORT (8080) and DEVCLOUD_DATA (.devcloud).
import { resolve } from 'node:path';
import { REPO_ROOT, startApp } from './app';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = resolve(process.env.DEVCLOUD_DATA ?? resolve(REPO_ROOT, '.devcloud'));
  // The living demo: this month already under way as of today, so the dashboard shows real current-month rates.
  const app = await startApp({ port, host: process.env.HOST ?? '127.0.0.1', dataDir, seed: { liveMonth: true } });
  console.log(app.seeded ? `已生成演示数据（${dataDir}）` : `使用已有数据（${dataDir}）`);
  console.log(`支部学习 已启动：${app.url}  （H5 页面、/api/functions/<name> 网关、/healthz）`);
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('启动失败：', err);
  process.exit(1);
});
