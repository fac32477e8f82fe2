import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { FIXTURE_FUNCTIONS, postJson } from '../../test/support/bare-devcloud';
import { DB_REQUESTS_HEADER, sdkEnv, startDevcloud, type Devcloud, type Engine } from '../index';

const MANIFEST = { collections: { notes: {} } };

describe('startDevcloud (database + functions)', () => {
  let dataDir: string;
  let devcloud: Devcloud<Engine>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'devcloud-start-'));
    devcloud = await startDevcloud({ dataDir, functionsRoot: FIXTURE_FUNCTIONS, indexManifest: MANIFEST });
  });

  afterAll(async () => {
    await devcloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts the database requests of each invocation', async () => {
    const first = await devcloud.invoke('db-call', { text: '学习笔记' }, 'demo-member');
    expect(first).toMatchObject({ result: { total: 1 }, dbRequests: 2 });
    const second = await devcloud.invoke('db-call', { text: '第二条' }, 'demo-member');
    expect(second).toMatchObject({ result: { total: 2 }, dbRequests: 2 });
    expect(devcloud.stats.snapshot().functions['db-call']).toMatchObject({ invocations: 2, dbRequests: 4 });
  });

  it('reports the count in the gateway header, nested calls included', async () => {
    const direct = await postJson(`${devcloud.url}/api/functions/db-call`, { text: 'x' }, { 'X-Dev-Openid': 'demo-admin' });
    expect(direct.headers.get(DB_REQUESTS_HEADER)).toBe('2');
    const nested = await postJson(
      `${devcloud.url}/api/functions/call-other`,
      { target: 'db-call', data: { text: 'y' } },
      { 'X-Dev-Openid': 'demo-admin' },
    );
    expect(nested.body).toMatchObject({ ok: true, result: { total: 2 }, caller: 'demo-admin' });
    expect(nested.headers.get(DB_REQUESTS_HEADER)).toBe('2');
  });

  it('points a plain script with an unmodified wx-server-sdk at devcloud through sdkEnv()', async () => {
    const script = `
      const cloud = require('wx-server-sdk');
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      cloud.database().collection('notes').count().then(({ total }) => console.log(JSON.stringify({ total })));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: path.resolve(__dirname, '..', '..'),
      env: { ...process.env, ...sdkEnv(devcloud) },
    });
    expect(JSON.parse(stdout.trim())).toEqual({ total: 4 });
    expect(devcloud.stats.snapshot().dbRequests.fromScripts).toBe(1);
  });

  it('keeps the data across a restart', async () => {
    await devcloud.close();
    devcloud = await startDevcloud({ dataDir, functionsRoot: FIXTURE_FUNCTIONS, indexManifest: MANIFEST });
    const { result } = await devcloud.invoke('db-call', { text: '重启之后' }, 'demo-member');
    expect(result).toEqual({ total: 3 });
  });
});
