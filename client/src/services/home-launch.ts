import type { HomeResult, LoginResult } from '@zbxx/contracts';
import * as account from './account';

export type HomeCards = Omit<Extract<HomeResult, { status: 'bound' }>, 'status' | 'me'>;

/** Older cards are not worth showing: 首页 then asks again (e.g. the app launched on another page). */
const FRESH_MS = 30_000;

let launch: { cards: HomeCards; at: number } | null = null;

/**
 * The launch login is the home screen's call (DESIGN.md: 首页 = one function call): who I am goes to the
 * session, the cards wait here for 首页, which takes them once instead of asking again.
 */
export async function loginWithHome(): Promise<LoginResult> {
  const result = await account.home();
  launch = result.status === 'bound' ? { cards: cardsOf(result), at: Date.now() } : null;
  return account.loginOf(result);
}

/** The cards the launch login brought, once; null when they were taken already or there were none. */
export function takeLaunchCards(now = Date.now()): HomeCards | null {
  const taken = launch;
  launch = null;
  return taken && now - taken.at < FRESH_MS ? taken.cards : null;
}

export function cardsOf({ study, partyDay, quiz }: Extract<HomeResult, { status: 'bound' }>): HomeCards {
  return { study, partyDay, quiz };
}
