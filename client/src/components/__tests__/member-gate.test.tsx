import { act, render, screen } from '@testing-library/react';
import type { LoginResult } from '@zbxx/contracts';
import { SessionProvider } from '../../hooks/use-session';
import { AppError } from '../../services/app-error';
import { MemberGate } from '../member-gate';
import { MEMBER_ME } from '../../../test/me-fixtures';

const me = MEMBER_ME;

function renderGate(replies: Array<LoginResult | Error>, canLogin = () => true) {
  const navigations: string[] = [];
  const login = async () => {
    const reply = replies.shift();
    if (!reply || reply instanceof Error) throw reply ?? new Error('no reply');
    return reply;
  };
  render(
    <SessionProvider login={login} canLogin={canLogin}>
      <MemberGate navigate={(route) => navigations.push(route)}>{(member) => <div>欢迎 {member.name}</div>}</MemberGate>
    </SessionProvider>,
  );
  return navigations;
}

describe('MemberGate', () => {
  it('shows a skeleton while logging in, then the page for a bound member', async () => {
    renderGate([{ status: 'bound', me }]);
    expect(screen.getByTestId('loading')).toBeTruthy();
    expect(await screen.findByText('欢迎 王建国')).toBeTruthy();
  });

  it('sends an unbound WeChat user to the bind page', async () => {
    const unbound = renderGate([{ status: 'unbound' }]);
    await act(async () => {});
    expect(unbound).toEqual(['/pages/bind/index']);
  });

  it('sends a browser user without a chosen identity to the dev identity picker', () => {
    const navigations = renderGate([], () => false);
    expect(navigations).toEqual(['/pages/dev-login/index']);
  });

  it('offers 重试 after a failed login and shows the page once it succeeds', async () => {
    renderGate([new AppError('NETWORK.UNREACHABLE'), { status: 'bound', me }]);

    // Offline is not a failed login: the heading does not blame the account.
    expect(await screen.findByText('网络不可用，请检查网络后重试')).toBeTruthy();
    expect(screen.queryByText('登录失败')).toBeNull();
    act(() => screen.getByTestId('retry').click());

    expect(await screen.findByText('欢迎 王建国')).toBeTruthy();
  });
});
