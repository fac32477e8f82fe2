import { act, render, screen } from '@testing-library/react';
import type { HomeResult } from '@zbxx/contracts';
import type { HomeCards } from '../../services/home-launch';
import { useHomeCards } from '../use-home';
import { SessionProvider, useSession } from '../use-session';
import { MEMBER_ME } from '../../../test/me-fixtures';

const me = MEMBER_ME;

const cards: HomeCards = {
  study: { month: '2026-11', required: 3, completed: 1, dueDate: '2026-11-30', next: null },
  partyDay: { serverTime: '2026-11-22T01:00:00.000Z', next: null },
  quiz: null,
};

function Probe({ home, takeLaunch }: { home: () => Promise<HomeResult>; takeLaunch: () => HomeCards | null }) {
  const { state } = useHomeCards({ home, takeLaunch });
  const session = useSession();
  return (
    <div>
      <div data-testid="cards">{state.kind === 'ready' ? `${state.data.study.completed}/${state.data.study.required}` : state.kind}</div>
      <div data-testid="session">{session.state.kind === 'bound' ? session.state.me.name : session.state.kind}</div>
    </div>
  );
}

const renderHome = (home: () => Promise<HomeResult>, takeLaunch: () => HomeCards | null) =>
  render(
    <SessionProvider login={async () => ({ status: 'bound', me })}>
      <Probe home={home} takeLaunch={takeLaunch} />
    </SessionProvider>,
  );

describe('useHomeCards', () => {
  it('shows the cards the launch login brought without another call', async () => {
    const home = jest.fn<Promise<HomeResult>, []>();
    renderHome(home, () => cards);
    await act(async () => undefined);
    expect(screen.getByTestId('cards').textContent).toBe('1/3');
    expect(home).not.toHaveBeenCalled();
  });

  it('asks account.home once when there are none, and passes who I am to the session', async () => {
    const home = jest.fn(async (): Promise<HomeResult> => ({ status: 'bound', me: { ...me, name: '李秀英' }, ...cards }));
    renderHome(home, () => null);
    expect(screen.getByTestId('cards').textContent).toBe('loading');
    await act(async () => undefined);
    expect(home).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('cards').textContent).toBe('1/3');
    expect(screen.getByTestId('session').textContent).toBe('李秀英');
  });

  it('tells the session when the member is no longer bound', async () => {
    renderHome(
      async () => ({ status: 'unbound' }),
      () => null,
    );
    await act(async () => undefined);
    expect(screen.getByTestId('session').textContent).toBe('unbound');
  });

  it('shows an error when the call fails', async () => {
    renderHome(
      async () => Promise.reject(new Error('network down')),
      () => null,
    );
    await act(async () => undefined);
    expect(screen.getByTestId('cards').textContent).toBe('error');
  });
});
