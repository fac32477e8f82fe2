import type { Devcloud, Engine } from '@zbxx/devcloud';
import { DEVICE_APIS, failureOf } from './device';
import type { Phone } from './phone';
import { wxApiNames } from './wx-api-names';

type Callbacks = { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void };
type Options = Record<string, unknown> & Callbacks;

/** What the fake WeChat needs from the running app: navigation and the surrounding runtime. */
export interface WxHost {
  phone: Phone;
  devcloud: Devcloud<Engine>;
  openid: string;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): void;
  navigateBack(delta: number): void;
  /** Runs `fn` later on the app's timer queue (the harness clears the queue when the app closes). */
  later(fn: () => void, ms?: number): void;
  /** A problem the app would not notice but a phone would (an unscripted device ask, an API used wrongly). */
  report(problem: string): void;
  /** Things the app showed in WeChat's own UI (toasts, modals, loading). */
  shown: { api: string; options: Record<string, unknown> }[];
  share: { menu?: Record<string, unknown> };
  /** Every cloud function call: name, action, and the envelope's error code when it failed. */
  calls: { name: string; action: string; error?: string }[];
  /** Cloud and network requests in flight (settling waits for them). */
  inFlight: { count: number };
}

const SYSTEM_INFO = {
  brand: 'devtools',
  model: 'iPhone 12',
  pixelRatio: 3,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 724,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'ios',
  fontSizeSetting: 17,
  fontSizeScaleFactor: 1,
  SDKVersion: '3.6.0',
  safeArea: { top: 44, left: 0, right: 375, bottom: 778, width: 375, height: 734 },
  theme: 'light',
};

/**
 * Answers an async API. Callbacks arrive asynchronously, as on a phone; without callbacks the base library
 * returns a Promise (since 2.10.2), which is what Taro passes through for APIs it does not wrap itself
 * (chooseMessageFile, for one).
 */
function settle(
  host: WxHost,
  api: string,
  options: Options,
  outcome: { ok: true; res: Record<string, unknown> } | { ok: false; res: Record<string, unknown> },
): Promise<unknown> | undefined {
  const res = outcome.ok ? { errMsg: `${api}:ok`, ...outcome.res } : outcome.res;
  const viaCallbacks = Boolean(options.success || options.fail || options.complete);
  if (!viaCallbacks) {
    host.inFlight.count += 1;
    return new Promise((resolve, reject) =>
      host.later(() => {
        host.inFlight.count -= 1;
        if (outcome.ok) resolve(res);
        else reject(res);
      }),
    );
  }
  host.inFlight.count += 1;
  host.later(() => {
    host.inFlight.count -= 1;
    if (outcome.ok) options.success?.(res);
    else options.fail?.(res);
    options.complete?.(res);
  });
  return undefined;
}

function ok(host: WxHost, api: string, options: Options = {}, res: Record<string, unknown> = {}): Promise<unknown> | undefined {
  return settle(host, api, options, { ok: true, res });
}

/** A promise when no callbacks are given, as wx.cloud.* and newer wx.* APIs behave. */
function promised<T>(host: WxHost, options: Options, run: () => Promise<T>): Promise<T> | undefined {
  host.inFlight.count += 1;
  const p = run().finally(() => {
    host.inFlight.count -= 1;
  });
  if (options.success || options.fail || options.complete) {
    p.then(
      (res) => {
        options.success?.(res);
        options.complete?.(res);
      },
      (err: unknown) => {
        options.fail?.(err);
        options.complete?.(err);
      },
    );
    return undefined;
  }
  return p;
}

/**
 * WeChat's `wx` for one run of the app: every API name from miniprogram-api-typings is an own key (Taro derives
 * `Taro.*` from them). The ones the app uses behave as on a phone; device capabilities answer from the phone's
 * script; anything else succeeds emptily, as an API with nothing to report would.
 */
export function createWx(host: WxHost): Record<string, unknown> {
  const { phone } = host;
  const wx: Record<string, unknown> = {};
  for (const name of wxApiNames()) {
    if (name.startsWith('on') || name.startsWith('off')) wx[name] = () => undefined;
    else if (name.endsWith('Sync')) wx[name] = () => ({});
    else wx[name] = (options: Options = {}) => ok(host, name, options);
  }

  const device =
    (api: string) =>
    (options: Options = {}) => {
      const outcome = phone.device.take(api, options);
      if (!outcome) {
        host.report(`unscripted device call: wx.${api}(${JSON.stringify(options)})`);
        return settle(host, api, options, { ok: false, res: { errMsg: `${api}:fail unscripted in test` } });
      }
      if (outcome.kind === 'success')
        return ok(host, api, options, typeof outcome.result === 'function' ? outcome.result(options) : outcome.result);
      return settle(host, api, options, { ok: false, res: failureOf(api, outcome) });
    };
  for (const api of DEVICE_APIS) wx[api] = device(api);

  // A real clipboard write needs no user answer unless scripted otherwise; record what was copied.
  wx.setClipboardData = (options: Options = {}) => {
    const outcome = phone.device.has('setClipboardData') ? phone.device.take('setClipboardData', options) : undefined;
    if (outcome && outcome.kind !== 'success')
      return settle(host, 'setClipboardData', options, { ok: false, res: failureOf('setClipboardData', outcome) });
    phone.clipboard = String(options.data ?? '');
    return ok(host, 'setClipboardData', options);
  };
  wx.getClipboardData = (options: Options = {}) => ok(host, 'getClipboardData', options, { data: phone.clipboard });

  Object.assign(wx, {
    getSystemInfoSync: () => ({ ...SYSTEM_INFO }),
    getSystemInfo: (o: Options = {}) => ok(host, 'getSystemInfo', o, { ...SYSTEM_INFO }),
    getWindowInfo: () => ({ ...SYSTEM_INFO }),
    getDeviceInfo: () => ({ ...SYSTEM_INFO }),
    getAppBaseInfo: () => ({ ...SYSTEM_INFO }),
    getSystemSetting: () => ({ locationEnabled: true, wifiEnabled: true }),
    getAppAuthorizeSetting: () => ({ locationAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-harness', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/index/index', query: {}, scene: 1001 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => host.later(fn),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    createSelectorQuery: () => selectorQuery(host),
    createIntersectionObserver: () => ({
      relativeToViewport: () => ({ observe: () => undefined }),
      observe: () => undefined,
      disconnect: () => undefined,
    }),
    getUpdateManager: () => ({
      onCheckForUpdate: () => undefined,
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
      applyUpdate: () => undefined,
    }),
    getNetworkType: (o: Options = {}) => ok(host, 'getNetworkType', o, { networkType: 'wifi' }),

    // Storage: WeChat keeps JSON-serialisable values per key, across relaunches.
    setStorageSync: (key: string, value: unknown) => void phone.storage.set(key, JSON.stringify(value)),
    getStorageSync: (key: string) => (phone.storage.has(key) ? JSON.parse(phone.storage.get(key)!) : ''),
    removeStorageSync: (key: string) => void phone.storage.delete(key),
    clearStorageSync: () => phone.storage.clear(),
    getStorageInfoSync: () => ({ keys: [...phone.storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: (o: Options) => {
      phone.storage.set(String(o.key), JSON.stringify(o.data));
      return ok(host, 'setStorage', o);
    },
    getStorage: (o: Options) => {
      const key = String(o.key);
      if (!phone.storage.has(key)) return settle(host, 'getStorage', o, { ok: false, res: { errMsg: 'getStorage:fail data not found' } });
      return ok(host, 'getStorage', o, { data: JSON.parse(phone.storage.get(key)!) });
    },
    removeStorage: (o: Options) => {
      phone.storage.delete(String(o.key));
      return ok(host, 'removeStorage', o);
    },

    // Navigation
    navigateTo: (o: Options) => navigation(host, 'navigateTo', o),
    redirectTo: (o: Options) => navigation(host, 'redirectTo', o),
    switchTab: (o: Options) => navigation(host, 'switchTab', o),
    reLaunch: (o: Options) => navigation(host, 'reLaunch', o),
    navigateBack: (o: Options = {}) => {
      host.later(() => {
        host.navigateBack(Number(o.delta ?? 1));
        void ok(host, 'navigateBack', o);
      });
    },

    // WeChat's own UI: recorded for assertions; modals are answered with the confirm button.
    showToast: (o: Options) => shown(host, 'showToast', o),
    showLoading: (o: Options) => shown(host, 'showLoading', o),
    showModal: (o: Options) => shown(host, 'showModal', o, { confirm: true, cancel: false }),
    showActionSheet: (o: Options) => shown(host, 'showActionSheet', o, { tapIndex: 0 }),
    showShareMenu: (o: Options = {}) => {
      host.share.menu = { ...o };
      return ok(host, 'showShareMenu', o);
    },

    getFileSystemManager: () => ({
      readFileSync: (filePath: string, encoding?: BufferEncoding) => {
        const bytes = phone.readFile(filePath);
        return encoding ? bytes.toString(encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      },
      readFile: (o: Options) => {
        const bytes = phone.readFile(String(o.filePath));
        void ok(host, 'readFile', o, { data: o.encoding ? bytes.toString(o.encoding as BufferEncoding) : bytes });
      },
      accessSync: (filePath: string) => void phone.readFile(filePath),
    }),

    // uploadFile/downloadFile to URLs (not wx.cloud): the app only downloads temp links of cloud files.
    downloadFile: (o: Options) => {
      if (phone.device.has('downloadFile')) return device('downloadFile')(o);
      host.inFlight.count += 1;
      void fetch(String(o.url))
        .finally(() => {
          host.inFlight.count -= 1;
        })
        .then(
          async (res) => {
            if (res.status !== 200) return ok(host, 'downloadFile', o, { statusCode: res.status, tempFilePath: '' });
            const file = phone.addFile(
              decodeURIComponent(String(o.url).split('/').pop() ?? 'download'),
              Buffer.from(await res.arrayBuffer()),
            );
            void ok(host, 'downloadFile', o, { statusCode: 200, tempFilePath: file.path });
          },
          (err: Error) => settle(host, 'downloadFile', o, { ok: false, res: { errMsg: `downloadFile:fail ${err.message}` } }),
        );
      return { onProgressUpdate: () => undefined, abort: () => undefined };
    },
    openDocument: (o: Options) => {
      const outcome = phone.device.take('openDocument', o);
      if (outcome && outcome.kind !== 'success')
        return settle(host, 'openDocument', o, { ok: false, res: failureOf('openDocument', outcome) });
      if (!outcome) host.report(`unscripted device call: wx.openDocument(${JSON.stringify(o)})`);
      phone.openedDocuments.push({
        filePath: String(o.filePath),
        fileType: o.fileType as string | undefined,
        bytes: phone.readFile(String(o.filePath)),
      });
      return ok(host, 'openDocument', o);
    },
  });

  wx.cloud = createCloud(host);
  return wx;
}

function shown(host: WxHost, api: string, options: Options, res: Record<string, unknown> = {}): Promise<unknown> | undefined {
  host.shown.push({ api, options: { ...options } });
  return ok(host, api, options, res);
}

function navigation(host: WxHost, kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', options: Options): void {
  host.later(() => {
    try {
      host.navigate(kind, String(options.url));
      void ok(host, kind, options);
    } catch (err) {
      host.report(`wx.${kind}(${String(options.url)}): ${(err as Error).message}`);
      void settle(host, kind, options, { ok: false, res: { errMsg: `${kind}:fail ${(err as Error).message}` } });
    }
  });
}

/**
 * Layout queries: the harness has no layout engine, so every node measures one screen wide and three screens
 * tall (a long article must be scrolled, as on a phone). Field callbacks and exec's callback both get answers.
 */
const RECT = { width: 375, height: 2172, top: 0, left: 0, right: 375, bottom: 2172, scrollTop: 0, scrollHeight: 2172, id: '', dataset: {} };

function selectorQuery(host: WxHost) {
  const fields: ((res: unknown) => void)[] = [];
  const field = (cb?: (res: unknown) => void) => {
    fields.push(cb ?? (() => undefined));
    return query;
  };
  const nodes = {
    boundingClientRect: field,
    scrollOffset: field,
    fields: (_f: unknown, cb?: (res: unknown) => void) => field(cb),
    node: field,
    context: field,
  };
  const query = {
    in: () => query,
    select: () => nodes,
    selectAll: () => nodes,
    selectViewport: () => nodes,
    exec: (cb?: (res: unknown[]) => void) =>
      host.later(() => {
        const answers = fields.map(() => ({ ...RECT }));
        fields.forEach((f, i) => f(answers[i]));
        cb?.(answers);
      }),
  };
  return query;
}

/**
 * wx.cloud as the app sees it, backed by devcloud: functions run as this phone's openid (the platform injects
 * it), files move as real bytes through devcloud storage's upload grant and download routes.
 */
function createCloud(host: WxHost): Record<string, unknown> {
  const { phone, devcloud } = host;
  let initialised = false;
  const requireInit = (api: string) => {
    if (!initialised) {
      const problem = `wx.cloud.${api} before wx.cloud.init`;
      host.report(problem);
      throw { errCode: -601034, errMsg: `cloud.${api}:fail ${problem}` };
    }
  };
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: () => {
      initialised = true;
    },
    callFunction: (o: Options) =>
      promised(host, o, async () => {
        requireInit('callFunction');
        if (phone.droppedCalls > 0) {
          phone.droppedCalls -= 1;
          host.calls.push({
            name: String(o.name),
            action: String((o.data as { action?: unknown } | undefined)?.action),
            error: 'request:fail (signal lost)',
          });
          throw { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail timeout' };
        }
        try {
          const { result } = await devcloud.invoke(String(o.name), o.data ?? {}, host.openid);
          const envelope = result as { ok?: boolean; error?: { code?: string; message?: string } };
          host.calls.push({
            name: String(o.name),
            action: String((o.data as { action?: unknown } | undefined)?.action),
            ...(envelope?.ok === false ? { error: `${envelope.error?.code}: ${envelope.error?.message}` } : {}),
          });
          return { result, errMsg: 'cloud.callFunction:ok', requestID: 'harness' };
        } catch (err) {
          host.calls.push({
            name: String(o.name),
            action: String((o.data as { action?: unknown } | undefined)?.action),
            error: (err as Error).message,
          });
          // The platform's code for a function that threw or timed out (what the client classifies as crashed).
          throw { errCode: -504002, errMsg: `cloud.callFunction:fail ${(err as Error).message}` };
        }
      }),
    uploadFile: (o: Options) =>
      promised(host, o, async () => {
        requireInit('uploadFile');
        if (phone.device.has('uploadFile')) {
          const outcome = phone.device.take('uploadFile', o)!;
          if (outcome.kind !== 'success') throw failureOf('cloud.uploadFile', outcome);
        }
        const bytes = phone.readFile(String(o.filePath));
        const grant = (await devcloud.registry.get('storage.getUploadMetadata')!({ callerTag: null, body: { path: o.cloudPath } })) as {
          data: { url: string; authorization: string; fileId: string };
        };
        const put = await fetch(grant.data.url, { method: 'PUT', headers: { authorization: grant.data.authorization }, body: bytes });
        if (put.status !== 200) throw { errMsg: `cloud.uploadFile:fail ${put.status}` };
        return { fileID: grant.data.fileId, statusCode: 200, errMsg: 'cloud.uploadFile:ok' };
      }),
    getTempFileURL: (o: Options) =>
      promised(host, o, async () => {
        requireInit('getTempFileURL');
        const list = (o.fileList as string[]).map((f) => (typeof f === 'string' ? f : (f as { fileID: string }).fileID));
        const answer = (await devcloud.registry.get('storage.batchGetDownloadUrl')!({
          callerTag: null,
          body: { file_list: list.map((fileid) => ({ fileid, max_age: 3600 })) },
        })) as {
          data: { download_list: { fileID: string; tempFileURL: string; code: string }[] };
        };
        return {
          fileList: answer.data.download_list.map((d) => ({
            fileID: d.fileID,
            tempFileURL: d.tempFileURL,
            status: d.code === 'SUCCESS' ? 0 : 1,
          })),
          errMsg: 'cloud.getTempFileURL:ok',
        };
      }),
  };
}
