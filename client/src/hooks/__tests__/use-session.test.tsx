import { act, render, screen } from '@testing-library/react';
import type { LoginResult } from '@zbxx/contracts';
import { AppError } from '../../services/app-error';
import { SessionProvider, useSession } from '../use-session';
import { MEMBER_ME } from '../../../test/me-fixtures';

const me = MEMBER_ME;

/** A login whose replies the test releases one by one. */
function controllableLogin() {
  const calls: Array<{ resolve: (r: LoginResult) => void; reject: (e: unknown) => void }> = [];
  const login = () => new Promise<LoginResult>((resolve, reject) => calls.push({ resolve, reject }));
  return { login, calls };
}

function Probe() {
  const { state, reload, update } = useSession();
  return (
    <div>
      <div data-testid="kind">{state.kind}</div>
      {state.kind === 'bound' && <div data-testid="name">{state.me.name}</div>}
      {state.kind === 'error' && <div data-testid="message">{state.error.message}</div>}
      <button onClick={reload}>重试</button>
      <button onClick={() => update({ status: 'pending', branchName: '城关镇第一党支部' })}>pending</button>
    </div>
  );
}

const kind = () => screen.getByTestId('kind').textContent;

describe('useSession', () => {
  it('logs in once at launch and shares the bound member', async () => {
    const { login, calls } = controllableLogin();
    render(
      <SessionProvider login={login}>
        <Probe />
      </SessionProvider>,
    );
    expect(kind()).toBe('loading');
    expect(calls).toHaveLength(1);

    await act(async () => calls[0]?.resolve({ status: 'bound', me }));

    expect(kind()).toBe('bound');
    expect(screen.getByTestId('name').textContent).toBe('王建国');
    expect(calls).toHaveLength(1);
  });

  it('shows the error with its Chinese message and recovers on 重试', async () => {
    const { login, calls } = controllableLogin();
    render(
      <SessionProvider login={login}>
        <Probe />
      </SessionProvider>,
    );

    await act(async () => calls[0]?.reject(new AppError('NETWORK.UNREACHABLE')));
    expect(kind()).toBe('error');
    expect(screen.getByTestId('message').textContent).toMatch(/网络/);

    act(() => screen.getByText('重试').click());
    expect(kind()).toBe('loading');
    await act(async () => calls[1]?.resolve({ status: 'unbound' }));
    expect(kind()).toBe('unbound');
  });

  it('turns unexpected failures into a generic Chinese message', async () => {
    const { login, calls } = controllableLogin();
    render(
      <SessionProvider login={login}>
        <Probe />
      </SessionProvider>,
    );

    await act(async () => calls[0]?.reject(new Error('socket hang up')));

    expect(screen.getByTestId('message').textContent).toBe('服务暂时不可用，请稍后重试');
  });

  it('does not log in while there is no identity to log in as (h5 before the picker)', () => {
    const { login, calls } = controllableLogin();
    render(
      <SessionProvider login={login} canLogin={() => false}>
        <Probe />
      </SessionProvider>,
    );

    expect(kind()).toBe('no-identity');
    expect(calls).toHaveLength(0);
  });

  it('ignores a late reply from an older login once a newer result was adopted', async () => {
    const { login, calls } = controllableLogin();
    render(
      <SessionProvider login={login}>
        <Probe />
      </SessionProvider>,
    );

    act(() => screen.getByText('pending').click());
    await act(async () => calls[0]?.resolve({ status: 'unbound' }));

    expect(kind()).toBe('pending');
  });
});
