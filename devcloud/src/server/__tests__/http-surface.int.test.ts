import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devHeaders } from '../../index';
import type { Devcloud } from '../devcloud-server';
import { startBareDevcloud } from '../../../test/support/bare-devcloud';

describe('devcloud HTTP surface', () => {
  let staticRoot: string;
  let devcloud: Devcloud<null>;

  beforeAll(async () => {
    staticRoot = mkdtempSync(path.join(os.tmpdir(), 'devcloud-h5-'));
    mkdirSync(path.join(staticRoot, 'js'));
    writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>支部学习</title>');
    writeFileSync(path.join(staticRoot, 'js', 'app.3f9a.js'), 'console.log(1)');
    devcloud = await startBareDevcloud({
      staticRoot,
      devIdentities: async () => [{ openid: 'demo-member', name: '张三', role: 'member' }],
    });
  });

  afterAll(async () => {
    await devcloud.close();
    rmSync(staticRoot, { recursive: true, force: true });
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${devcloud.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, envId: 'devcloud' });
  });

  it('serves the h5 build with index.html at / and content types by extension', async () => {
    const index = await fetch(`${devcloud.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('支部学习');
    const script = await fetch(`${devcloud.url}/js/app.3f9a.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await fetch(`${devcloud.url}/js/missing.js`)).status).toBe(404);
  });

  it('never serves files outside the build', async () => {
    writeFileSync(path.join(path.dirname(staticRoot), 'devcloud-secret.txt'), 'secret');
    try {
      for (const sneaky of [
        '/../devcloud-secret.txt',
        '/%2e%2e/devcloud-secret.txt',
        '/js/..%2f..%2fdevcloud-secret.txt',
        '/%2e%2e%5cdevcloud-secret.txt',
      ]) {
        const response = await fetch(`${devcloud.url}${sneaky}`);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('secret');
      }
    } finally {
      rmSync(path.join(path.dirname(staticRoot), 'devcloud-secret.txt'));
    }
  });

  it('lists the dev identities from the provider', async () => {
    const response = await fetch(`${devcloud.url}/api/dev/identities`);
    expect(await response.json()).toEqual({ identities: [{ openid: 'demo-member', name: '张三', role: 'member' }] });
  });

  it('answers unknown dev API paths (with the token) with a JSON 404, and never sends CORS headers', async () => {
    const unknown = await fetch(`${devcloud.url}/api/dev/nothing`, { headers: devHeaders(devcloud) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const preflight = await fetch(`${devcloud.url}/api/functions/whoami`, { method: 'OPTIONS' });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses non-POST requests to /admin', async () => {
    expect((await fetch(`${devcloud.url}/admin`)).status).toBe(405);
  });
});

describe('devcloud without an h5 build', () => {
  it('explains at / how to build it, and has no identities without a provider', async () => {
    const devcloud = await startBareDevcloud({ staticRoot: path.join(os.tmpdir(), 'devcloud-no-such-build') });
    try {
      const response = await fetch(`${devcloud.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:h5');
      const identities = await fetch(`${devcloud.url}/api/dev/identities`);
      expect(await identities.json()).toEqual({ identities: [] });
    } finally {
      await devcloud.close();
    }
  });
});
