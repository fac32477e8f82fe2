import { defineFunction } from '@zbxx/contracts';
import * as z from 'zod';
import { AppError } from '../app-error';
import { createDispatcher } from '../dispatch';

const contract = defineFunction('sample', {
  greet: {
    input: z.object({ name: z.string().min(1).max(4), phoneLast4: z.string().regex(/^\d{4}$/) }).strict(),
    output: z.object({ text: z.string() }),
  },
  fail: { input: z.undefined(), output: z.object({}) },
});

interface Ctx {
  who: string;
}

function setup(handlers: Partial<Parameters<typeof createDispatcher<typeof contract, Ctx>>[1]> = {}) {
  const contexts: unknown[] = [];
  const logged: unknown[][] = [];
  const dispatch = createDispatcher<typeof contract, Ctx>(
    contract,
    {
      greet: async (input, ctx) => ({ text: `${ctx.who}→${input.name}` }),
      fail: async () => {
        throw new AppError('AUTH.FORBIDDEN');
      },
      ...handlers,
    },
    {
      context: async (event) => {
        contexts.push(event);
        return { who: 'ctx' };
      },
      logger: { error: (...args: unknown[]) => logged.push(args) },
    },
  );
  return { dispatch, contexts, logged };
}

describe('createDispatcher', () => {
  it('runs the action with its parsed input and context', async () => {
    const { dispatch } = setup();
    await expect(dispatch({ action: 'greet', data: { name: '王伟', phoneLast4: '1234' } })).resolves.toEqual({
      ok: true,
      data: { text: 'ctx→王伟' },
    });
  });

  it('answers INPUT.UNKNOWN_ACTION for an action the contract lacks, before building a context', async () => {
    const { dispatch, contexts } = setup();
    const reply = await dispatch({ action: 'toString' });
    expect(reply).toEqual({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION', message: '不支持的操作：toString' } });
    expect(contexts).toHaveLength(0);
  });

  it('answers INPUT.INVALID for a malformed envelope', async () => {
    const { dispatch, contexts } = setup();
    await expect(dispatch(null)).resolves.toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } });
    await expect(dispatch({ action: 'greet', extra: 1 })).resolves.toEqual({
      ok: false,
      error: { code: 'INPUT.INVALID', message: '不支持的字段：extra' },
    });
    await expect(dispatch({ data: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'INPUT.INVALID', message: '缺少「操作」' },
    });
    expect(contexts).toHaveLength(0);
  });

  it('names the offending field in Chinese', async () => {
    const { dispatch, contexts } = setup();
    await expect(dispatch({ action: 'greet', data: { name: '王伟', phoneLast4: '12a4' } })).resolves.toEqual({
      ok: false,
      error: { code: 'INPUT.INVALID', message: '「手机号后4位」格式不正确' },
    });
    await expect(dispatch({ action: 'greet', data: { phoneLast4: '1234' } })).resolves.toEqual({
      ok: false,
      error: { code: 'INPUT.INVALID', message: '缺少「姓名」' },
    });
    await expect(dispatch({ action: 'greet', data: { name: '欧阳娜娜娜', phoneLast4: '1234' } })).resolves.toEqual({
      ok: false,
      error: { code: 'INPUT.INVALID', message: '「姓名」不能超过4个字' },
    });
    expect(contexts).toHaveLength(0);
  });

  it('passes an AppError through as its code and message', async () => {
    const { dispatch } = setup();
    await expect(dispatch({ action: 'fail' })).resolves.toEqual({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', message: '没有权限进行此操作' },
    });
  });

  it('hides unexpected errors behind SYSTEM.INTERNAL and logs them', async () => {
    const { dispatch, logged } = setup({
      greet: async () => {
        throw new Error('secret stack detail');
      },
    });
    const reply = await dispatch({ action: 'greet', data: { name: '王伟', phoneLast4: '1234' } });
    expect(reply).toEqual({ ok: false, error: { code: 'SYSTEM.INTERNAL', message: '服务暂时不可用，请稍后重试' } });
    expect(JSON.stringify(reply)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('refuses a result that breaks the contract and strips undeclared fields from one that keeps it', async () => {
    const broken = setup({ greet: async () => ({ text: 1 }) as unknown as { text: string } });
    await expect(broken.dispatch({ action: 'greet', data: { name: '王伟', phoneLast4: '1234' } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'SYSTEM.INTERNAL' },
    });
    expect(broken.logged).toHaveLength(1);

    const leaky = setup({ greet: async () => ({ text: 'hi', phone: '13812341234' }) });
    await expect(leaky.dispatch({ action: 'greet', data: { name: '王伟', phoneLast4: '1234' } })).resolves.toEqual({
      ok: true,
      data: { text: 'hi' },
    });
  });
});

describe('createDispatcher error classification', () => {
  it('lets the platform adapter give known platform errors a code', async () => {
    const dispatch = createDispatcher(
      contract,
      {
        greet: async () => {
          throw { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' };
        },
        fail: async () => ({}),
      },
      {
        context: async () => ({}),
        classifyError: (error) => ((error as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT' ? new AppError('CONFLICT') : null),
        logger: { error: () => undefined },
      },
    );
    await expect(dispatch({ action: 'greet', data: { name: '王伟', phoneLast4: '1234' } })).resolves.toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '数据已被修改，请刷新后重试' },
    });
  });
});
