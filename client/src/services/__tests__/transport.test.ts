import { accountContract } from '@zbxx/contracts';
import { AppError } from '../app-error';
import { createH5Invoke } from '../invoke-function.h5';
import { createCaller } from '../transport';

const me = {
  memberId: 'm-001',
  name: '王建国',
  phoneMasked: '138****1234',
  roles: ['member'],
  branch: { id: 'b-01', name: '城关镇第一党支部', type: 'branch' },
  orgPath: [
    { id: 'c-01', name: '示范县委组织部', type: 'county' },
    { id: 'b-01', name: '城关镇第一党支部', type: 'branch' },
  ],
  scope: { secretaryOf: [], adminOf: [] },
  month: '2026-11',
};

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: { action: string; data?: unknown; requestId?: string };
}

type Reply = { status?: number; json?: unknown } | 'network-down' | 'hang';

/** A fake devcloud gateway: answers each request with the next scripted reply and records what was sent. */
function fakeGateway(...replies: Reply[]) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
    const reply = replies.shift() ?? 'network-down';
    if (reply === 'network-down') throw new TypeError('Failed to fetch');
    if (reply === 'hang') {
      return new Promise((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const status = reply.status ?? 200;
    return {
      status,
      ok: status < 400,
      json: async () => {
        if (reply.json === undefined) throw new SyntaxError('Unexpected end of JSON input');
        return reply.json;
      },
    };
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

function setup(...replies: Reply[]) {
  const gateway = fakeGateway(...replies);
  const sleeps: number[] = [];
  const callAction = createCaller({
    invoke: createH5Invoke({ fetch: gateway.fetch, getOpenid: () => 'demo-member' }),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    timeoutMs: 50,
    readBackoffMs: [800, 2000],
  });
  return { callAction, sent: gateway.sent, sleeps };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('callAction over the h5 transport', () => {
  it('posts the event to the function gateway as the chosen dev identity and returns checked data', async () => {
    const { callAction, sent } = setup({ json: { ok: true, data: { status: 'bound', me } } });

    const result = await callAction(accountContract, 'login', undefined);

    expect(result).toEqual({ status: 'bound', me });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api/functions/account');
    expect(sent[0]?.headers['X-Dev-Openid']).toBe('demo-member');
    expect(sent[0]?.body).toEqual({ action: 'login' });
  });

  it("turns { ok: false } into an AppError with the server's code and Chinese message, without retrying", async () => {
    const { callAction, sent } = setup({
      json: { ok: false, error: { code: 'BIND.NO_MATCH', message: '未找到匹配的党员信息，请核对后重试' } },
    });

    const error = await caught(callAction(accountContract, 'login', undefined));

    expect(error.code).toBe('BIND.NO_MATCH');
    expect(error.message).toBe('未找到匹配的党员信息，请核对后重试');
    expect(error.retryable).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('keeps the server message when the error code is newer than this client', async () => {
    const { callAction } = setup({ json: { ok: false, error: { code: 'QUIZ.CLOSED', message: '本轮答题已结束' } } });

    const error = await caught(callAction(accountContract, 'login', undefined));

    expect(error.code).toBe('SYSTEM.INTERNAL');
    expect(error.message).toBe('本轮答题已结束');
  });

  it('rejects a successful reply whose data does not match the contract', async () => {
    const { callAction } = setup({ json: { ok: true, data: { status: 'bound', me: { ...me, month: 'November' } } } });

    const error = await caught(callAction(accountContract, 'login', undefined));

    expect(error.code).toBe('RESPONSE.INVALID');
  });

  it('rejects a reply that is not an envelope at all', async () => {
    const { callAction } = setup({ json: { status: 'bound' } });

    expect((await caught(callAction(accountContract, 'login', undefined))).code).toBe('RESPONSE.INVALID');
  });

  it('retries a read after network failures with growing delays', async () => {
    const { callAction, sent, sleeps } = setup('network-down', 'network-down', {
      json: { ok: true, data: { status: 'unbound' } },
    });

    await expect(callAction(accountContract, 'login', undefined)).resolves.toEqual({ status: 'unbound' });
    expect(sent).toHaveLength(3);
    expect(sleeps).toEqual([800, 2000]);
  });

  it('gives up on a read after the last retry with a Chinese network message and a retry path', async () => {
    const { callAction, sent } = setup('network-down', 'network-down', 'network-down');

    const error = await caught(callAction(accountContract, 'login', undefined));

    expect(sent).toHaveLength(3);
    expect(error.code).toBe('NETWORK.UNREACHABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/网络/);
  });

  it('reports a hung request as a timeout', async () => {
    const { callAction } = setup('hang', 'hang', 'hang');

    const error = await caught(callAction(accountContract, 'login', undefined));

    expect(error.code).toBe('NETWORK.TIMEOUT');
    expect(error.message).toMatch(/超时/);
  });

  it('does not retry when the function host failed (HTTP 500 without a reply)', async () => {
    const { callAction, sent } = setup({ status: 500 });

    const error = await caught(callAction(accountContract, 'login', undefined));

    expect(error.code).toBe('SYSTEM.INTERNAL');
    expect(sent).toHaveLength(1);
  });

  it('sends writes once, with a requestId, and never retries them by itself', async () => {
    const { callAction, sent, sleeps } = setup('network-down');
    const input = { method: 'phone', name: '王建国', phoneLast4: '1234' } as const;

    const error = await caught(callAction(accountContract, 'bind', input, { write: true, requestId: 'req-0001-abc' }));

    expect(error.code).toBe('NETWORK.UNREACHABLE');
    expect(sent).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(sent[0]?.body).toEqual({ action: 'bind', data: input, requestId: 'req-0001-abc' });
  });

  it('makes up a requestId that satisfies the event contract when a write has none', async () => {
    const { callAction, sent } = setup({ json: { ok: true, data: { status: 'pending', branchName: '城关镇第一党支部' } } });

    await callAction(accountContract, 'bind', { method: 'invite', name: '李梅', inviteCode: 'AB12CD' }, { write: true });

    expect(sent[0]?.body.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('refuses input that breaks the contract before touching the network', async () => {
    const { callAction, sent } = setup();

    const error = await caught(callAction(accountContract, 'bind', { method: 'phone', name: '王建国', phoneLast4: '12' }, { write: true }));

    expect(error.code).toBe('INPUT.INVALID');
    expect(sent).toHaveLength(0);
  });
});
