import type { Devcloud } from '../../server/devcloud-server';
import type { StatsSnapshot } from '../../server/request-stats';
import { DEV_APPID } from '../caller-identity';
import { FunctionInvocationError, FunctionNotFoundError } from '../function-errors';
import { postJson, startBareDevcloud } from '../../../test/support/bare-devcloud';

describe('function host', () => {
  let devcloud: Devcloud<null>;

  beforeAll(async () => {
    devcloud = await startBareDevcloud({ maxWorkersPerFunction: 2 });
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    await devcloud.close();
  });

  it("runs main with the caller's identity, which cloud.getWXContext() really returns", async () => {
    const { result, dbRequests } = await devcloud.invoke('whoami', { action: 'login' }, 'demo-member');
    expect(result).toEqual({
      wxContext: { OPENID: 'demo-member', APPID: DEV_APPID, CLIENTIP: '127.0.0.1', ENV: 'devcloud', SOURCE: 'wx_client' },
      event: { action: 'login', userInfo: { appId: DEV_APPID, openId: 'demo-member' } },
      functionName: 'whoami',
      timeLimitMs: 5000,
    });
    expect(dbRequests).toBe(0);
  });

  it('clears the previous identity when a warm worker serves an anonymous call', async () => {
    await devcloud.invoke('whoami', {}, { openid: 'someone', unionid: 'u-1' });
    const { result } = await devcloud.invoke('whoami', {}, null);
    expect((result as { wxContext: Record<string, unknown> }).wxContext).not.toHaveProperty('OPENID');
    expect((result as { wxContext: Record<string, unknown> }).wxContext).not.toHaveProperty('UNIONID');
    expect((result as { event: unknown }).event).toEqual({});
  });

  it('keeps each caller apart under concurrency, on at most the configured number of workers', async () => {
    const callers = Array.from({ length: 12 }, (_, i) => `member-${i}`);
    const results = await Promise.all(callers.map((openid) => devcloud.invoke('whoami', {}, openid)));
    expect(results.map(({ result }) => (result as { wxContext: { OPENID: string } }).wxContext.OPENID)).toEqual(callers);
  });

  it('fails a hanging function with SYSTEM.TIMEOUT after its config.json timeout, then serves the next call', async () => {
    for (const mode of ['wait', 'busy']) {
      const failure = devcloud.invoke('hang', { mode }, 'demo-member');
      await expect(failure).rejects.toBeInstanceOf(FunctionInvocationError);
      await expect(failure).rejects.toMatchObject({ code: 'SYSTEM.TIMEOUT', detail: expect.stringContaining('1 seconds') });
      const error = (await failure.catch((err: unknown) => err)) as FunctionInvocationError;
      expect(error.durationMs).toBeGreaterThanOrEqual(1000);
    }
    await expect(devcloud.invoke('whoami', {}, 'after-timeout')).resolves.toBeDefined();
  });

  it.each([
    ['throw', 'thrown on purpose'],
    ['exit', 'exit code 3'],
    ['uncaught', 'uncaught on purpose'],
    ['rejection', 'unhandled rejection on purpose'],
    ['unserialisable', 'BigInt'],
  ])('turns a function that fails by %s into SYSTEM.INTERNAL and keeps serving', async (mode, detail) => {
    await expect(devcloud.invoke('crash', { mode })).rejects.toMatchObject({
      code: 'SYSTEM.INTERNAL',
      message: '云函数执行出错，请稍后重试',
      detail: expect.stringContaining(detail),
    });
    await expect(devcloud.invoke('crash', { mode: 'none' })).resolves.toMatchObject({ result: { ok: true } });
  });

  it('fails every call of a bundle that cannot load, without retrying forever', async () => {
    for (let i = 0; i < 2; i += 1) {
      await expect(devcloud.invoke('load-error', {})).rejects.toMatchObject({
        code: 'SYSTEM.INTERNAL',
        detail: expect.stringContaining('broken bundle on purpose'),
      });
    }
  });

  it('refuses an unknown function', async () => {
    await expect(devcloud.invoke('no-such-function', {})).rejects.toBeInstanceOf(FunctionNotFoundError);
    await expect(devcloud.invoke('../hang', {})).rejects.toBeInstanceOf(FunctionNotFoundError);
  });

  it("runs cloud.callFunction from inside a function as the caller's user", async () => {
    const { result } = await devcloud.invoke('call-other', { target: 'whoami', data: { hello: 'world' } }, 'demo-secretary');
    expect(result).toMatchObject({
      ok: true,
      caller: 'demo-secretary',
      result: { wxContext: { OPENID: 'demo-secretary', SOURCE: 'wx_function' }, event: { hello: 'world' } },
    });
  });

  it("reports a failing callee to the caller with the platform's error code", async () => {
    const { result } = await devcloud.invoke('call-other', { target: 'crash', data: { mode: 'throw' } });
    expect(result).toEqual({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', errMsg: expect.stringContaining('Error: thrown on purpose') });
    const missing = await devcloud.invoke('call-other', { target: 'no-such-function' });
    expect(missing.result).toMatchObject({
      ok: false,
      code: 'FUNCTIONS_REQUEST_FAIL',
      errMsg: expect.stringContaining('no-such-function'),
    });
  });

  it('lists deployable functions in /healthz', async () => {
    const response = await fetch(`${devcloud.url}/healthz`);
    expect(await response.json()).toMatchObject({ ok: true, functions: expect.arrayContaining(['whoami', 'hang', 'crash']) });
  });

  describe('gateway POST /api/functions/:name', () => {
    it('answers the return value as JSON with the database request count', async () => {
      const { status, headers, body } = await postJson(
        `${devcloud.url}/api/functions/whoami`,
        { action: 'login' },
        { 'X-Dev-Openid': 'demo-admin' },
      );
      expect(status).toBe(200);
      expect(headers.get('x-devcloud-db-requests')).toBe('0');
      expect(body.wxContext.OPENID).toBe('demo-admin');
      expect(body.event).toEqual({ action: 'login', userInfo: { appId: DEV_APPID, openId: 'demo-admin' } });
    });

    it('calls without identity when X-Dev-Openid is absent', async () => {
      const { body } = await postJson(`${devcloud.url}/api/functions/whoami`, { action: 'login' });
      expect(body.wxContext).not.toHaveProperty('OPENID');
      expect(body.event).toEqual({ action: 'login' });
    });

    it('maps crashes to 500 SYSTEM.INTERNAL and timeouts to 504 SYSTEM.TIMEOUT, in Chinese', async () => {
      const crashed = await postJson(`${devcloud.url}/api/functions/crash`, { mode: 'exit' });
      expect(crashed.status).toBe(500);
      expect(crashed.body).toEqual({ ok: false, error: { code: 'SYSTEM.INTERNAL', message: '云函数执行出错，请稍后重试' } });
      const timedOut = await postJson(`${devcloud.url}/api/functions/hang`, {});
      expect(timedOut.status).toBe(504);
      expect(timedOut.body).toEqual({ ok: false, error: { code: 'SYSTEM.TIMEOUT', message: '云函数执行超时，请稍后重试' } });
    });

    it('answers 404 for an unknown function, 400 for bad JSON and 413 for a body over 1 MB', async () => {
      const unknown = await postJson(`${devcloud.url}/api/functions/nope`, {});
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const bad = await fetch(`${devcloud.url}/api/functions/whoami`, { method: 'POST', body: '{oops' });
      expect(bad.status).toBe(400);
      const huge = await postJson(`${devcloud.url}/api/functions/whoami`, { text: 'x'.repeat(1024 * 1024) });
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    });

    it('records invocations in /api/dev/stats', async () => {
      const response = await fetch(`${devcloud.url}/api/dev/stats`, { headers: { 'x-devcloud-token': devcloud.token } });
      const stats = (await response.json()) as StatsSnapshot;
      expect(stats.functions.whoami?.invocations).toBeGreaterThan(10);
      expect(stats.functions.hang?.failures).toBeGreaterThanOrEqual(3);
    });
  });
});
