'use strict';
/**
 * Runs inside one worker thread: loads one function bundle and runs its `exports.main` for each
 * `invoke` message, one at a time, like a warm instance on the platform.
 * Plain CommonJS on purpose: jest's TypeScript transform does not reach worker threads.
 * A worker has its own copy of process.env, so each invocation sets its caller's identity here.
 */
const { parentPort, workerData } = require('node:worker_threads');

const { bundlePath, baseEnv, clockBuffer } = workerData;
Object.assign(process.env, baseEnv);
installTestClock(clockBuffer);

/**
 * devcloud's test clock (src/clock/clock.ts): `new Date()` and `Date.now()` in the bundle read the shared slots
 * [mode, base, anchor] (mode 0 = the machine's clock, 1 = base + time since anchor, 2 = frozen at base). The
 * function code stays unchanged; only what the clock says differs. Installed before the bundle loads.
 */
function installTestClock(buffer) {
  if (!buffer) return;
  const slots = new Float64Array(buffer);
  const RealDate = Date;
  const realNow = RealDate.now;
  const now = () => {
    const mode = slots[0];
    if (mode === 2) return slots[1];
    if (mode === 1) return slots[1] + (realNow() - slots[2]);
    return realNow();
  };
  // A Proxy keeps Date.prototype, instanceof and every static (parse, UTC) the real ones.
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === globalThis.Date ? target : newTarget);
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, key, receiver) {
      if (key === 'now') return now;
      return Reflect.get(target, key, receiver);
    },
  });
}

let invocationKeys = [];
function applyInvocationEnv(env) {
  for (const key of invocationKeys) delete process.env[key];
  Object.assign(process.env, env);
  invocationKeys = Object.keys(env);
}

function describe(err) {
  if (err instanceof Error) return err.stack || `${err.name}: ${err.message}`;
  try {
    return typeof err === 'string' ? err : JSON.stringify(err);
  } catch {
    return String(err);
  }
}

let main = null;
try {
  const bundle = require(bundlePath);
  main = typeof bundle.main === 'function' ? bundle.main : null;
  if (!main) throw new Error(`${bundlePath} does not export a main function`);
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  parentPort.postMessage({ type: 'load-failed', detail: describe(err) });
}

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke' || !main) return;
  applyInvocationEnv(message.env);
  let reply;
  try {
    const value = await main(message.event, message.context);
    // The platform serialises the return value as JSON; doing it here surfaces unserialisable results.
    reply = { type: 'returned', id: message.id, json: JSON.stringify(value === undefined ? null : value) };
  } catch (err) {
    reply = { type: 'threw', id: message.id, detail: describe(err) };
  }
  parentPort.postMessage(reply);
});
