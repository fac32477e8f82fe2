import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { Devcloud, Engine } from '@zbxx/devcloud';
import { createWx, type WxHost } from './fake-wx';
import type { Phone } from './phone';
import { renderedText, walk, WxmlPackage, type RenderedElement, type Rendering } from './wxml';

/** The compiled package under test; WEAPP_DIST points the suite at another build (e.g. a deliberately broken copy). */
export const WEAPP_DIST = path.resolve(process.env.WEAPP_DIST ?? path.join(__dirname, '../../client/dist/weapp'));

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
}

/** Every page the package declares, main package first, as WeChat routes name them. */
export function pagesOf(appJson: AppJson): string[] {
  return [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`))];
}

export function readAppJson(dist = WEAPP_DIST): AppJson {
  return JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson;
}

/** One compiled package: its app.json and every page's WXML through wcc, shared by all runs of the app. */
export class WeappBuild {
  readonly appJson: AppJson;
  readonly pages: string[];
  readonly wxml: WxmlPackage;
  private readonly scripts = new Map<string, vm.Script>();

  constructor(readonly dist = WEAPP_DIST) {
    if (!existsSync(path.join(dist, 'app.json'))) throw new Error(`no weapp build at ${dist}: run npm run build:weapp -w client`);
    this.appJson = readAppJson(dist);
    this.pages = pagesOf(this.appJson);
    this.wxml = new WxmlPackage(dist, this.pages);
  }

  /** A file wrapped as WeChat's module loader wraps it: window and document are parameters left undefined. */
  script(file: string): vm.Script {
    let script = this.scripts.get(file);
    if (!script) {
      const source = readFileSync(path.join(this.dist, file), 'utf8');
      script = new vm.Script(`(function (require, module, exports, window, document) {${source}\n})`, {
        filename: path.join(this.dist, file),
      });
      this.scripts.set(file, script);
    }
    return script;
  }
}

type PageConfig = Record<string, unknown> & { data?: unknown };

export interface PageInstance {
  route: string;
  options: Record<string, string>;
  data: { root: { cn: TaroNode[] } };
  setData(data: Record<string, unknown>, cb?: () => void): void;
  [method: string]: unknown;
}

/** Taro's serialised node as it travels in setData: `nn` kind, `sid` id, `v` text, `cn` children. */
export interface TaroNode {
  nn: string;
  sid?: string;
  v?: string;
  cl?: string;
  cn?: TaroNode[];
  [prop: string]: unknown;
}

export interface LaunchOptions {
  phone: Phone;
  devcloud: Devcloud<Engine>;
  openid: string;
  /** The page WeChat opens (default: the first page in app.json), with its query. */
  path?: string;
  query?: Record<string, string>;
}

/**
 * One run of the compiled mini-program in a Node vm: WeChat's globals (wx, App, Page, Component,
 * getCurrentPages), its module loader, a page stack and the view layer (wcc renders each page's data).
 * Errors a phone would show in its console are collected, not thrown, so a test can assert there were none.
 */
export class MiniProgram {
  readonly errors: string[] = [];
  readonly shown: WxHost['shown'] = [];
  readonly share: WxHost['share'] = {};
  /** setData calls per page, with their JSON size: WeChat's advice is few and small. */
  readonly setDataLog: { route: string; bytes: number }[] = [];
  readonly stack: PageInstance[] = [];
  readonly calls: WxHost['calls'] = [];
  private readonly inFlight = { count: 0 };
  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, PageConfig>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private loadingRoute: string | null = null;
  private appInstance: Record<string, unknown> | null = null;
  private closed = false;
  private readonly onRejection = (reason: unknown) => this.errors.push(`unhandled rejection: ${describe(reason)}`);

  private constructor(
    readonly build: WeappBuild,
    readonly options: LaunchOptions,
  ) {
    const host: WxHost = {
      phone: options.phone,
      devcloud: options.devcloud,
      openid: options.openid,
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.navigateBack(delta),
      later: (fn, ms = 0) => this.later(fn, ms),
      report: (problem) => this.errors.push(problem),
      shown: this.shown,
      share: this.share,
      inFlight: this.inFlight,
      calls: this.calls,
    };
    const wx = createWx(host);
    const log =
      (level: string) =>
      (...args: unknown[]) => {
        // WEAPP_DEBUG=1 shows what the app logs (as DevTools' console would).
        if (process.env.WEAPP_DEBUG) process.stderr.write(`[weapp ${level}] ${args.map(describe).join(' ')}\n`);
        // React and Taro report render errors and failed lifecycles through console.error.
        if (level === 'error') this.errors.push(`console.error: ${args.map(describe).join(' ')}`);
      };
    const sandbox: Record<string, unknown> = {
      wx,
      console: { log: log('log'), info: log('info'), debug: log('debug'), warn: log('warn'), error: log('error') },
      setTimeout: (fn: () => void, ms?: number) => this.later(fn, ms ?? 0),
      clearTimeout: (t: NodeJS.Timeout) => this.clear(t),
      setInterval: (fn: () => void, ms?: number) => this.every(fn, ms ?? 0),
      clearInterval: (t: NodeJS.Timeout) => this.clear(t),
      App: (config: Record<string, unknown>) => {
        this.appInstance = config;
      },
      getApp: () => this.appInstance,
      Page: (config: PageConfig) => {
        if (this.loadingRoute === null) throw new Error('Page() called outside a page file');
        this.pageConfigs.set(this.loadingRoute, config);
      },
      Component: () => undefined,
      Behavior: (b: unknown) => b,
      getCurrentPages: () => [...this.stack],
      requirePlugin: () => ({}),
      __wxConfig: { ...build.appJson, global: {}, envVersion: 'develop' },
    };
    this.context = vm.createContext(sandbox);
    process.on('unhandledRejection', this.onRejection);
  }

  /** Starts the app as WeChat does: app.js, App.onLaunch/onShow, then the entry page. */
  static async launch(build: WeappBuild, options: LaunchOptions): Promise<MiniProgram> {
    const mp = new MiniProgram(build, options);
    const entry = options.path ?? build.appJson.pages[0]!;
    mp.guard('app.js', () => mp.require('app.js'));
    if (!mp.appInstance) throw new Error('app.js did not call App()');
    const launch = { path: entry, query: options.query ?? {}, scene: 1001 };
    mp.guard('App.onLaunch', () => (mp.appInstance!.onLaunch as (o: unknown) => void)?.call(mp.appInstance, launch));
    mp.guard('App.onShow', () => (mp.appInstance!.onShow as (o: unknown) => void)?.call(mp.appInstance, launch));
    mp.openPage(entry, options.query ?? {});
    await mp.settle();
    return mp;
  }

  get page(): PageInstance {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  /** The current page as WeChat's view layer draws it (wcc over the page's data). */
  render(page: PageInstance = this.page): Rendering {
    return this.build.wxml.render(page.route, page.data);
  }

  /** Visible text of the current page. */
  text(): string {
    return renderedText(this.render().root);
  }

  /** Lets timers, promises and cloud calls run until nothing has changed for `quietMs`. */
  async settle(quietMs = 100, maxMs = 15_000): Promise<void> {
    const start = Date.now();
    let last = this.setDataLog.length;
    let quietSince = Date.now();
    while (Date.now() - start < maxMs) {
      await new Promise((r) => setTimeout(r, 10));
      if (this.setDataLog.length !== last || this.inFlight.count > 0) {
        last = this.setDataLog.length;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) return;
    }
  }

  /** Waits until the current page shows `text` (cloud calls take real time on devcloud). */
  async waitForText(text: string | RegExp, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shownText = this.text();
      if (matches(shownText, text)) return;
      if (Date.now() > deadline)
        throw new Error(
          `page ${this.page.route} never showed ${String(text)}; it shows:\n${shownText}\nerrors: ${this.errors.join('\n')}\ncalls: ${JSON.stringify(this.calls.slice(-5))}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the current page no longer shows `text` (e.g. a loading placeholder). */
  async waitForNoText(text: string | RegExp, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (matches(this.text(), text)) {
      if (Date.now() > deadline)
        throw new Error(
          `page ${this.page.route} still shows ${String(text)} after ${timeoutMs} ms; calls: ${JSON.stringify(this.calls.slice(-5))}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits for the given route to be on top. */
  async waitForRoute(route: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.stack[this.stack.length - 1]?.route !== route) {
      if (Date.now() > deadline)
        throw new Error(
          `never reached ${route}; on ${this.stack.map((p) => p.route).join(' > ')}; errors: ${this.errors.join('\n')}; calls: ${JSON.stringify(this.calls.slice(-5))}; shows: ${this.text().slice(0, 300)}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
    await this.settle();
  }

  /**
   * Taps the innermost drawn element whose text contains `text` (the `index`-th match), bubbling through its
   * ancestors as WeChat does: each `bindtap` on the way calls the page's `eh` with its own `data-sid`.
   */
  async tap(text: string | RegExp, index = 0, timeoutMs = 30_000): Promise<void> {
    // Like a person, wait for it to be drawn (cloud answers arrive in real time, later on a loaded machine).
    const deadline = Date.now() + timeoutMs;
    let root = this.render().root;
    let hits = innermost(root, text);
    while (!hits[index] && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      root = this.render().root;
      hits = innermost(root, text);
    }
    const match = hits[index];
    if (process.env.WEAPP_DEBUG && match)
      process.stderr.write(
        `[tap ${String(text)}] ${[match.el, ...[...match.ancestors].reverse()].map((e) => `${e.tag}${e.attr?.bindtap ? '*' : ''}${e.attr?.['data-sid'] ?? ''}`).join(' < ')}\n`,
      );
    if (!match) throw new Error(`nothing on ${this.page.route} shows ${String(text)}; it shows:\n${renderedText(root)}`);
    this.bubble(match, 'tap', { x: 10, y: 10 });
    await this.settle();
  }

  /** Taps the element of a Taro node id (for elements found by class in the data tree). */
  async tapSid(sid: string): Promise<void> {
    const match = [...walk(this.render().root)].find(({ el }) => el.attr?.['data-sid'] === sid);
    if (!match) throw new Error(`element ${sid} is not drawn on ${this.page.route}`);
    this.bubble(match, 'tap', { x: 10, y: 10 });
    await this.settle();
  }

  /** Nodes of the page's data tree whose class list has `className` (Taro keeps classes, not data-* attributes). */
  byClass(className: string): TaroNode[] {
    return this.nodes().filter((n) => (n.cl ?? '').split(/\s+/).includes(className));
  }

  /** Every node in the current page's data tree, with its tag resolved through base.wxml. */
  nodes(): (TaroNode & { tag: string })[] {
    const out: (TaroNode & { tag: string })[] = [];
    const visit = (n: TaroNode) => {
      out.push({ ...n, tag: this.build.wxml.tagOfKind.get(n.nn) ?? n.nn });
      for (const c of n.cn ?? []) visit(c);
    };
    for (const n of this.page.data.root.cn) visit(n);
    return out;
  }

  /**
   * Types into an input or textarea, found by its placeholder: the `input` event WeChat sends per keystroke
   * batch, then blur. (wcc's 2020 runtime cannot draw inputs, so they are found in the page data.)
   */
  async type(placeholder: string | RegExp, value: string): Promise<void> {
    const find = () =>
      this.nodes().find(
        (n) =>
          (n.tag === 'input' || n.tag === 'textarea') &&
          Object.values(n).some(
            (v) => typeof v === 'string' && (typeof placeholder === 'string' ? v === placeholder : placeholder.test(v)),
          ),
      );
    let field = find();
    for (const deadline = Date.now() + 30_000; !field && Date.now() < deadline; field = find()) await new Promise((r) => setTimeout(r, 25));
    if (!field?.sid) throw new Error(`no input with placeholder ${String(placeholder)} on ${this.page.route}`);
    this.dispatch(field.sid, 'input', { value, cursor: value.length, keyCode: 0 });
    this.dispatch(field.sid, 'blur', { value });
    await this.settle();
  }

  /** Sends one view-layer event to the page's handler for the element `sid`. */
  dispatch(sid: string, type: string, detail: Record<string, unknown>): void {
    const target = { id: sid, dataset: { sid } };
    this.guard(`${type} on ${sid}`, () =>
      (this.page.eh as (e: unknown) => void).call(this.page, {
        type,
        timeStamp: Date.now(),
        detail,
        target,
        currentTarget: target,
        touches: [],
        changedTouches: [],
      }),
    );
  }

  /** A tap on WeChat's native tab bar (not part of any page's WXML). */
  async switchTab(route: string): Promise<void> {
    this.guard(`tab bar → ${route}`, () => this.navigate('switchTab', route));
    await this.settle();
  }

  /** Calls a page lifecycle or handler WeChat would call (onPageScroll, onReachBottom, onShareAppMessage…). */
  callPage(method: string, arg?: unknown): unknown {
    const fn = this.page[method] as ((a?: unknown) => unknown) | undefined;
    if (!fn) throw new Error(`${this.page.route} has no ${method}`);
    return this.guard(`${this.page.route}.${method}`, () => fn.call(this.page, arg));
  }

  /** The app goes to the background (WeChat keeps it in memory; pages get onHide). */
  hide(): void {
    const top = this.stack[this.stack.length - 1];
    if (top) this.lifecycle(top, 'onHide');
    this.guard('App.onHide', () => (this.appInstance?.onHide as () => void)?.call(this.appInstance));
  }

  /** Stops the app as WeChat does when it is killed: no more timers, no unload callbacks. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    process.off('unhandledRejection', this.onRejection);
  }

  /** Missing templates on the current page (an element kind base.wxml cannot draw). */
  templateErrors(page: PageInstance = this.page): string[] {
    return this.render(page).warnings;
  }

  // --- WeChat's module loader, pages and timers -------------------------------------------------------

  private require(file: string): unknown {
    const normalized = path.posix.normalize(file.endsWith('.js') ? file : `${file}.js`);
    const cached = this.modules.get(normalized);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(normalized, module);
    const dir = path.posix.dirname(normalized);
    const localRequire = (request: string) => this.require(path.posix.join(dir, request));
    const fn = this.build.script(normalized).runInContext(this.context) as (...args: unknown[]) => void;
    fn(localRequire, module, module.exports, undefined, undefined);
    return module.exports;
  }

  private openPage(route: string, query: Record<string, string>): void {
    if (!this.build.pages.includes(route)) throw new Error(`page "${route}" is not in app.json`);
    if (!this.pageConfigs.has(route)) {
      this.loadingRoute = route;
      try {
        this.require(`${route}.js`);
      } finally {
        this.loadingRoute = null;
      }
    }
    const config = this.pageConfigs.get(route);
    if (!config) throw new Error(`${route}.js did not call Page()`);
    const page = { ...config } as unknown as PageInstance;
    page.route = route;
    page.options = query;
    page.data = JSON.parse(JSON.stringify(config.data ?? { root: { cn: [] } }));
    page.setData = (data, cb) => this.setData(page, data, cb);
    const previous = this.stack[this.stack.length - 1];
    if (previous) this.lifecycle(previous, 'onHide');
    this.stack.push(page);
    this.lifecycle(page, 'onLoad', query);
    this.lifecycle(page, 'onShow');
    this.later(() => this.lifecycle(page, 'onReady'), 0);
  }

  private setData(page: PageInstance, data: Record<string, unknown>, cb?: () => void): void {
    const json = JSON.stringify(data);
    this.setDataLog.push({ route: page.route, bytes: Buffer.byteLength(json) });
    const copy = JSON.parse(json) as Record<string, unknown>;
    for (const [key, value] of Object.entries(copy)) assignPath(page.data as unknown as Record<string, unknown>, key, value);
    if (cb) this.later(cb, 0);
  }

  private lifecycle(page: PageInstance, name: string, arg?: unknown): void {
    const fn = page[name] as ((a?: unknown) => void) | undefined;
    if (fn) this.guard(`${page.route}.${name}`, () => fn.call(page, arg));
  }

  private unload(page: PageInstance): void {
    this.lifecycle(page, 'onUnload');
  }

  private navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): void {
    const [rawPath, rawQuery = ''] = url.split('?');
    const route = rawPath!.replace(/^\//, '');
    const query = Object.fromEntries(new URLSearchParams(rawQuery));
    if (!this.build.pages.includes(route)) throw new Error(`page "${route}" is not in app.json`);
    const tabs = (this.build.appJson.tabBar?.list ?? []).map((t) => t.pagePath);
    if (kind === 'switchTab' && !tabs.includes(route)) throw new Error(`switchTab to ${route}, which is not a tab`);
    if (kind === 'navigateTo' && tabs.includes(route)) throw new Error(`navigateTo a tab page (${route}) fails on a phone; use switchTab`);
    if (kind === 'navigateTo' && this.stack.length >= 10) throw new Error('page stack is full (10)');
    if (kind === 'redirectTo') {
      const top = this.stack.pop();
      if (top) this.unload(top);
    }
    if (kind === 'reLaunch' || kind === 'switchTab') {
      while (this.stack.length > 0) this.unload(this.stack.pop()!);
    }
    this.openPage(route, query);
  }

  private navigateBack(delta: number): void {
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop()!);
    const top = this.stack[this.stack.length - 1];
    if (top) this.lifecycle(top, 'onShow');
  }

  private bubble(match: { el: RenderedElement; ancestors: RenderedElement[] }, type: string, detail: Record<string, unknown>): void {
    const chain = [match.el, ...[...match.ancestors].reverse()];
    for (const el of chain) {
      // Blocks and the page root carry no attributes.
      const attr = el.attr ?? {};
      const sid = attr['data-sid'];
      const bound = attr[`bind${type}`] === 'eh';
      const caught = attr[`catch${type}`] === 'eh';
      if (typeof sid === 'string' && (bound || caught)) this.dispatch(sid, type, detail);
      if (caught) break;
    }
  }

  private later(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) this.guard('timer', fn);
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private every(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (!this.closed) this.guard('interval', fn);
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clear(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  private guard<T>(where: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      this.errors.push(`${where}: ${describe(err)}`);
      return undefined;
    }
  }
}

/** Drawn elements showing `text` with no child that shows it all: what a finger on that text lands on. */
function innermost(root: RenderedElement, text: string | RegExp) {
  return [...walk(root)].filter(
    ({ el }) => matches(renderedText(el), text) && !el.children.some((c) => typeof c !== 'string' && matches(renderedText(c), text)),
  );
}

/** Whether shown text contains `text`; white space is ignored for strings (the view inserts it freely between runs). */
function matches(shown: string, text: string | RegExp): boolean {
  return typeof text === 'string' ? shown.replace(/\s+/g, '').includes(text.replace(/\s+/g, '')) : text.test(shown);
}

/** WeChat's setData path keys: `root.cn.[0].v`, `a.b[2].c`. */
export function assignPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = [...key.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
  let node: Record<string | number, unknown> = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next = parts[i + 1]!;
    if (node[part] === undefined || node[part] === null || typeof node[part] !== 'object') node[part] = typeof next === 'number' ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'stack' in value && typeof (value as Error).stack === 'string')
    return (value as Error).stack!.split('\n').slice(0, 4).join('\n');
  if (value && typeof value === 'object') {
    try {
      return JSON.stringify(value).slice(0, 500);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
