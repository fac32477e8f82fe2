import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevcloudClock } from '../clock/clock';
import { readBody, sendJson } from './http-io';

/** An identity the h5 dev picker offers (the demo users); the lead's seed data provides them. */
export interface DevIdentity {
  openid: string;
  name: string;
  role?: string;
  description?: string;
}

export type DevIdentitiesProvider = () => Promise<DevIdentity[]> | DevIdentity[];

export async function sendIdentities(res: ServerResponse, provider: DevIdentitiesProvider | undefined): Promise<void> {
  const identities = provider ? await provider() : [];
  sendJson(res, 200, { identities });
}

/**
 * The test clock over HTTP, for browser tests: `GET /api/dev/clock` says what it reads; `POST /api/dev/clock`
 * with `{ action: 'set', at }`, `{ action: 'freeze', at? }`, `{ action: 'advance', ms }` or `{ action: 'reset' }`
 * moves it and answers the same way.
 */
export async function handleClock(req: IncomingMessage, res: ServerResponse, clock: DevcloudClock): Promise<void> {
  if (req.method === 'GET') return sendJson(res, 200, clock.state());
  let body: { action?: unknown; at?: unknown; ms?: unknown };
  try {
    body = JSON.parse((await readBody(req, 4096)).toString('utf8') || '{}') as typeof body;
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_PARAM', message: '请求体须为 JSON' } });
  }
  const at = typeof body.at === 'string' || typeof body.at === 'number' ? body.at : undefined;
  try {
    if (body.action === 'set' && at !== undefined) clock.set(at);
    else if (body.action === 'freeze') clock.freeze(at);
    else if (body.action === 'advance' && typeof body.ms === 'number') clock.advance(body.ms);
    else if (body.action === 'reset') clock.reset();
    else
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'INVALID_PARAM', message: 'action 须为 set(at)、freeze(at?)、advance(ms) 或 reset' },
      });
  } catch (err) {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_PARAM', message: (err as Error).message } });
  }
  sendJson(res, 200, clock.state());
}
