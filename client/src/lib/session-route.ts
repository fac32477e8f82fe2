import type { SessionState } from '../hooks/use-session';
import { ROUTES, type Route } from './routes';

/**
 * Where a page that needs a bound member must send someone who is not one; null = stay.
 * Loading and errors stay, so the page can show a skeleton or a 重试 button.
 */
export function sessionRedirect(state: SessionState): Route | null {
  switch (state.kind) {
    case 'no-identity':
      return ROUTES.devLogin;
    case 'unbound':
    case 'pending':
      return ROUTES.bind;
    default:
      return null;
  }
}
