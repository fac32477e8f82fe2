import { AdminActionError, AdminActionRegistry } from '../admin-actions';
import { devHeaders } from '../../index';
import type { Devcloud } from '../devcloud-server';
import { pointSdkAt, postJson, startBareDevcloud } from '../../../test/support/bare-devcloud';

describe('POST /admin', () => {
  let devcloud: Devcloud<null>;
  let restoreEnv: () => void;

  beforeAll(async () => {
    const registry = new AdminActionRegistry();
    registry.registerAll({
      'test.echo': ({ body, callerTag }) => ({ data: { echoed: body.value, callerTag } }),
      'test.refuse': () => {
        throw new AdminActionError('DATABASE_COLLECTION_NOT_EXIST', 'no such collection');
      },
      'test.explode': () => {
        throw new Error('boom');
      },
      'database.fake': () => ({ data: {} }),
    });
    devcloud = await startBareDevcloud({ registry });
    restoreEnv = pointSdkAt(devcloud);
  });

  afterAll(async () => {
    restoreEnv();
    await devcloud.close();
  });

  it('is reached by the real wx-server-sdk, whose unknown actions get an explicit error', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    // No database actions are registered in a bare devcloud: the query must come back as a clear refusal.
    await expect(cloud.database().collection('anything').get()).rejects.toMatchObject({
      message: expect.stringContaining('devcloud does not implement action "database.getDocument"'),
    });
  });

  it('answers with the handler result and a requestId, passing the caller tag', async () => {
    const { status, body } = await postJson(
      `${devcloud.url}/admin/inv-7?env=devcloud`,
      { action: 'test.echo', value: 42 },
      devHeaders(devcloud),
    );
    expect(status).toBe(200);
    expect(body).toEqual({ requestId: expect.stringMatching(/^devcloud-/), data: { echoed: 42, callerTag: 'inv-7' } });
  });

  it('answers failures as HTTP 200 with code, message and requestId, as the SDK expects', async () => {
    const refused = await postJson(`${devcloud.url}/admin`, { action: 'test.refuse' }, devHeaders(devcloud));
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'no such collection', requestId: expect.any(String) });

    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const exploded = await postJson(`${devcloud.url}/admin`, { action: 'test.explode' }, devHeaders(devcloud));
    expect(exploded.body).toMatchObject({ code: 'SYS_ERR', message: expect.stringContaining('boom') });

    const unknown = await postJson(`${devcloud.url}/admin`, { action: 'nope.never' }, devHeaders(devcloud));
    expect(unknown.body).toMatchObject({ code: 'INVALID_ACTION' });

    const response = await fetch(`${devcloud.url}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...devHeaders(devcloud) },
      body: '{not json',
    });
    expect(await response.json()).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('counts database actions globally and per open caller tag, children included', async () => {
    const before = devcloud.stats.snapshot().dbRequests.total;
    devcloud.stats.openTag('parent');
    devcloud.stats.openTag('child', 'parent');
    await postJson(`${devcloud.url}/admin/parent`, { action: 'database.fake' }, devHeaders(devcloud));
    await postJson(`${devcloud.url}/admin/child`, { action: 'database.fake' }, devHeaders(devcloud));
    await postJson(`${devcloud.url}/admin/child`, { action: 'test.echo' }, devHeaders(devcloud));
    expect(devcloud.stats.closeTag('child')).toBe(1);
    expect(devcloud.stats.closeTag('parent')).toBe(2);
    expect(devcloud.stats.snapshot().dbRequests.total).toBe(before + 2);
  });
});
