// The server half of `npm start`: devcloud with the demo county on PORT (8080) and DEVCLOUD_DATA (.devcloud).
import { resolve } from 'node:path';
import { REPO_ROOT, clockFromEnv, startApp } from './app';

function optionalCount(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return value;
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = resolve(process.env.DEVCLOUD_DATA ?? resolve(REPO_ROOT, '.devcloud'));
  const now = clockFromEnv();
  const host = process.env.HOST ?? '127.0.0.1';
  const app = await startApp({
    port,
    host,
    dataDir,
    now,
    // The living demo: this month already under way as of today, so the dashboard shows real current-month rates.
    seed: { liveMonth: true },
    prewarm: optionalCount('DEVCLOUD_PREWARM'),
    maxInstances: optionalCount('DEVCLOUD_MAX_INSTANCES'),
  });
  if (now) console.log(`测试时钟：从 ${now.toISOString()} 开始走（DEVCLOUD_CLOCK）`);
  console.log(app.seeded ? `已生成演示数据（${dataDir}）` : `使用已有数据（${dataDir}）`);
  console.log(`支部学习 已启动：${app.url}  （H5 页面、/api/functions/<name> 网关、/healthz）`);
  console.log(`开发接口令牌（/admin、/api/dev/* 需带请求头 X-Devcloud-Token）：${app.devcloud.token}`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    console.warn(`注意：HOST=${host}，同一网络中的任何人都能打开本页面、以任意演示身份调用云函数。`);
  }
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
