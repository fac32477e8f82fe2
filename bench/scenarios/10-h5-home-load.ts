import { DEMO_OPENIDS } from '@zbxx/demo-data';
import { launchBrowser } from '../../e2e/support/browser';
import { startBenchApp } from '../lib/bench-app';
import { ensureClientBuild } from '../lib/client-build';
import { DEMO_COUNTY } from '../lib/county';
import { figure } from '../lib/figures';
import { loadHomeOnce } from '../lib/h5-home-load';
import { round, summarize } from '../lib/stats';
import type { Scenario } from '../lib/types';

const RUNS = 7;
const THROTTLE = 4;

const scenario: Scenario = {
  title: 'h5 首页加载时间（Chromium，CPU 降速 4 倍）',
  requires: ['account'],
  method:
    `读取 \`client/dist/h5\`（缺少、比源码旧或设置 \`BENCH_BUILD=1\` 时先执行 \`npm run build:h5 -w client\`），在默认演示县上启动应用，用浏览器测试同一套 Debian Chromium 与手机视口（\`e2e/support/browser.ts\`，390×844）` +
    `经 CDP \`Emulation.setCPUThrottlingRate\` 把 CPU 降速 ${THROTTLE} 倍，${RUNS} 次冷加载（每次新的浏览器上下文：空缓存、空存储，开发身份在页面脚本运行前写入）\`/#/pages/index/index\`，` +
    '计从导航开始到页面显示党员姓名、以及到学习卡片显示完成数的时间（页面内 `performance.now()`），取中位数；并记录显示姓名前页面发出的云函数调用数。',
  async run(ctx) {
    ensureClientBuild(ctx, 'h5');
    const app = await startBenchApp(ctx.tmpDir, 'h5-home', DEMO_COUNTY);
    const phone = await launchBrowser();
    try {
      await loadHomeOnce(phone, app.url, DEMO_OPENIDS.member, 1); // warm devcloud's function worker, not measured
      const samples = [];
      for (let i = 0; i < RUNS; i += 1) samples.push(await loadHomeOnce(phone, app.url, DEMO_OPENIDS.member, THROTTLE));
      const name = summarize(samples.map((s) => s.nameMs));
      const cards = summarize(samples.map((s) => s.cardsMs));
      const calls = Math.max(...samples.map((s) => s.calls));
      ctx.log(
        `name shown: median ${name.p50.toFixed(0)} ms (max ${name.max.toFixed(0)}), cards: median ${cards.p50.toFixed(0)} ms, calls ${calls}`,
      );
      return [
        figure({
          name: 'h5.home.nameShown.median',
          label: `h5 首页显示党员姓名（CPU ÷${THROTTLE}，${RUNS} 次冷加载中位数）`,
          value: round(name.p50, 0),
          unit: 'ms',
          note: `最慢 ${round(name.max, 0)} ms`,
        }),
        figure({
          name: 'h5.home.cardsShown.median',
          label: `h5 首页学习卡片显示完成数（CPU ÷${THROTTLE}，中位数）`,
          value: round(cards.p50, 0),
          unit: 'ms',
          note: `最慢 ${round(cards.max, 0)} ms`,
        }),
        figure({
          name: 'home.calls',
          label: '首页：云函数调用次数（h5 页面显示姓名前发出的）',
          value: calls,
          unit: 'calls',
          budget: 1,
          note: '此前 3 次：login + study.summary + checkin.myEvents',
        }),
      ];
    } finally {
      await phone.close();
      await app.close();
    }
  },
};

export default scenario;
