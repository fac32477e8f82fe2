import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Devcloud } from '../../server/devcloud-server';
import { startBareDevcloud } from '../../../test/support/bare-devcloud';

describe('storage through the real wx-server-sdk', () => {
  let devcloud: Devcloud<null>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'devcloud-storage-'));
    devcloud = await startBareDevcloud({ dataDir });
  });

  afterAll(async () => {
    await devcloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uploads, gives a temp URL, downloads and deletes a file', async () => {
    const { result } = await devcloud.invoke('files', { cloudPath: 'exports/2026-03/完成率 统计.csv', text: '支部,完成率\n一支部,90%' });
    expect(result).toEqual({
      fileID: 'cloud://devcloud.devcloud-files/exports/2026-03/完成率 统计.csv',
      tempFileURL: expect.stringMatching(new RegExp(`^${devcloud.url}/files/exports/2026-03/完成率 统计\\.csv\\?sign=[\\w-]+&t=\\d+$`)),
      status: 0,
      downloaded: '支部,完成率\n一支部,90%',
      deleted: [{ fileID: 'cloud://devcloud.devcloud-files/exports/2026-03/完成率 统计.csv', status: 0, errMsg: 'ok' }],
      afterDelete: [
        expect.objectContaining({
          fileID: 'cloud://devcloud.devcloud-files/exports/2026-03/完成率 统计.csv',
          status: -503003,
          tempFileURL: '',
        }),
      ],
    });
    expect(existsSync(path.join(dataDir, 'files', 'exports', '2026-03', '完成率 统计.csv'))).toBe(false);
  });

  it('keeps files under <dataDir>/files and serves them at the temp URL with their content type', async () => {
    const { result } = await devcloud.invoke('files', { cloudPath: 'reports/month.csv', text: 'a,b', keep: true });
    const { tempFileURL } = result as { tempFileURL: string };
    expect(readFileSync(path.join(dataDir, 'files', 'reports', 'month.csv'), 'utf8')).toBe('a,b');
    const response = await fetch(encodeURI(tempFileURL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toBe('a,b');
  });

  it('refuses uploads without a granted token and paths that leave the store', async () => {
    const put = await fetch(`${devcloud.url}/files/reports/month.csv`, { method: 'PUT', body: 'overwritten' });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('<Code>AccessDenied</Code>');
    expect(readFileSync(path.join(dataDir, 'files', 'reports', 'month.csv'), 'utf8')).toBe('a,b');

    for (const sneaky of ['/files/../outbox.sqlite', '/files/%2e%2e/outbox.sqlite', '/files/reports%2f..%2f..%2foutbox.sqlite']) {
      const response = await fetch(`${devcloud.url}${sneaky}`);
      expect(response.status).toBe(404);
    }
  });

  it('fails uploadFile with an invalid cloud path', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(devcloud.invoke('files', { cloudPath: '../escape.txt', text: 'x' })).rejects.toMatchObject({
      code: 'SYSTEM.INTERNAL',
      detail: expect.stringContaining('invalid cloudPath'),
    });
  });
});
