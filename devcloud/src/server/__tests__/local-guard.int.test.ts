/**
 * devcloud on a developer's machine: a web page the developer happens to open can send "simple" requests to
 * 127.0.0.1 (text/plain or form POSTs need no CORS preflight). It must not reach the control surface
 * (`/admin`, `/api/dev/*`), nor call functions from another origin; files open only through signed,
 * expiring temporary URLs, as on the platform (getTempFileURL: "临时链接有效期").
 */
import { request } from 'node:http';
import { devHeaders, startDevcloud, type Devcloud, type Engine } from '../../index';
import { UrlSigner } from '../../storage/signed-urls';
import { FIXTURE_FUNCTIONS } from '../../../test/support/bare-devcloud';

let devcloud: Devcloud<Engine>;

beforeAll(async () => {
  devcloud = await startDevcloud({ dataDir: ':memory:', functionsRoot: FIXTURE_FUNCTIONS });
  devcloud.engine.createCollection('members');
  devcloud.engine.insert('members', { _id: 'm1', name: '李秀英', roles: [] });
});
afterAll(async () => {
  await devcloud?.close();
});

/** A raw request (fetch would not let a test set Origin the way a browser does). */
function send(
  path: string,
  method: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${devcloud.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What the probe of issue 18 sent: make m1 a county admin through the database action. */
const PROMOTE = JSON.stringify({
  action: 'database.modifyDocument',
  collectionName: 'members',
  query: JSON.stringify({ _id: 'm1' }),
  data: JSON.stringify({ $set: { roles: [{ role: 'admin', orgId: 'org-county' }] } }),
  multi: false,
  merge: true,
});

describe('/admin refuses what a web page can send', () => {
  it.each([
    ['a cross-origin text/plain POST (no preflight needed)', { origin: 'https://evil.example', 'content-type': 'text/plain' }],
    ['a cross-origin JSON POST', { origin: 'https://evil.example', 'content-type': 'application/json' }],
    ['a form POST without Origin', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a JSON POST without the token', { 'content-type': 'application/json' }],
    [
      'even a JSON POST with the token, when a browser names its origin',
      { origin: 'null', 'content-type': 'application/json', 'x-devcloud-token': '' },
    ],
  ])('%s', async (_what, headers) => {
    const withToken = 'x-devcloud-token' in headers ? { ...headers, 'x-devcloud-token': devcloud.token } : headers;
    const response = await send('/admin', 'POST', withToken, PROMOTE);
    expect(response.status).toBe(403);
    expect(devcloud.engine.find('members', { _id: 'm1' })[0]).toMatchObject({ roles: [] });
  });

  it('accepts the SDK (its signed Authorization names the token) and scripts with X-Devcloud-Token', async () => {
    const viaHeader = await send(
      '/admin',
      'POST',
      { 'content-type': 'application/json', ...devHeaders(devcloud) },
      JSON.stringify({ action: 'database.calculateDocument', collectionName: 'members', query: '{}' }),
    );
    expect(JSON.parse(viaHeader.body)).toMatchObject({ data: { total: 1 } });
    const viaSignature = await send(
      '/admin',
      'POST',
      {
        'content-type': 'application/json',
        authorization: `TC3-HMAC-SHA256 Credential=${devcloud.token}/2026-12-08/tcb/tc3_request, SignedHeaders=host, Signature=x`,
      },
      JSON.stringify({ action: 'database.calculateDocument', collectionName: 'members', query: '{}' }),
    );
    expect(JSON.parse(viaSignature.body)).toMatchObject({ data: { total: 1 } });
  });
});

describe('dev endpoints', () => {
  it.each(['/api/dev/outbox', '/api/dev/stats', '/api/dev/clock', '/api/dev/anything-added-later'])(
    '%s needs the token and no Origin',
    async (path) => {
      expect((await send(path, 'GET', {})).status).toBe(403);
      expect((await send(path, 'GET', { origin: 'https://evil.example', ...devHeaders(devcloud) })).status).toBe(403);
      expect((await send(path, 'POST', { 'content-type': 'text/plain', ...devHeaders(devcloud) }, '{}')).status).toBe(403);
      expect((await send(path, 'GET', devHeaders(devcloud))).status).not.toBe(403);
    },
  );

  it('the identity picker list stays readable by the page itself', async () => {
    expect((await send('/api/dev/identities', 'GET', {})).status).toBe(200);
    expect((await send('/api/dev/identities', 'GET', { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('the function gateway serves the same origin only', () => {
  const call = JSON.stringify({});
  it('refuses another origin, serves its own page and plain clients, and sends no CORS headers', async () => {
    const foreign = await send(
      '/api/functions/whoami',
      'POST',
      { origin: 'https://evil.example', 'content-type': 'text/plain', 'x-dev-openid': 'demo-admin' },
      call,
    );
    expect(foreign.status).toBe(403);
    const host = new URL(devcloud.url).host;
    const own = await send(
      '/api/functions/whoami',
      'POST',
      { origin: `http://${host}`, 'content-type': 'application/json', 'x-dev-openid': 'demo-member' },
      call,
    );
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
    const curl = await send('/api/functions/whoami', 'POST', { 'content-type': 'application/json' }, call);
    expect(curl.status).toBe(200);
  });
});

describe('files open only through signed temporary URLs', () => {
  it('a temp URL works until its max_age, then answers 403; the bare path never works', async () => {
    const { result } = await devcloud.invoke('files', { cloudPath: 'exports/名单.csv', text: 'a,b', keep: true, maxAge: 60 });
    const { tempFileURL } = result as { tempFileURL: string };
    expect(tempFileURL).toMatch(/\?sign=[\w-]+&t=\d+$/);
    expect((await fetch(encodeURI(tempFileURL))).status).toBe(200);
    expect((await fetch(encodeURI(`${devcloud.url}/files/exports/名单.csv`))).status).toBe(403);
    const forged = tempFileURL.replace(/t=(\d+)$/, (_m, t: string) => `t=${Number(t) + 3600}`);
    expect((await fetch(encodeURI(forged))).status).toBe(403);

    // A minute and a second later on devcloud's test clock, the URL has expired.
    devcloud.clock.freeze().advance(61_000);
    try {
      expect((await fetch(encodeURI(tempFileURL))).status).toBe(403);
    } finally {
      devcloud.clock.reset();
    }
  });

  it('signs the path and expiry: another path or a later expiry does not verify', () => {
    const signer = new UrlSigner();
    const at = Date.UTC(2026, 11, 8, 9, 0, 0);
    const query = new URLSearchParams(signer.query('a/b.csv', at + 60_000));
    expect(signer.verify('a/b.csv', query.get('sign'), query.get('t'), at)).toBe(true);
    expect(signer.verify('a/b.csv', query.get('sign'), query.get('t'), at + 60_000)).toBe(false);
    expect(signer.verify('a/c.csv', query.get('sign'), query.get('t'), at)).toBe(false);
    expect(signer.verify('a/b.csv', query.get('sign'), String(Number(query.get('t')) + 1), at)).toBe(false);
  });
});
