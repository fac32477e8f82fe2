import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Devcloud } from '../../server/devcloud-server';
import { startBareDevcloud } from '../../../test/support/bare-devcloud';

const REMINDER = {
  touser: 'demo-member',
  templateId: 'tmpl-study-reminder',
  page: 'pages/study/index',
  data: { thing1: { value: '三月每月一学' }, time2: { value: '2026-03-10 09:00' } },
  miniprogramState: 'developer',
};

describe('cloud.openapi.subscribeMessage.send', () => {
  let devcloud: Devcloud<null>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'devcloud-outbox-'));
    devcloud = await startBareDevcloud({ dataDir });
  });

  afterAll(async () => {
    await devcloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands in the outbox with what the function sent, and answers like WeChat', async () => {
    const { result } = await devcloud.invoke('notify', { message: REMINDER }, 'demo-secretary');
    expect(result).toEqual({ ok: true, result: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok', msgid: expect.any(Number) } });
    const [message] = devcloud.outbox.list({ touser: 'demo-member' });
    expect(message).toEqual({
      id: expect.any(Number),
      touser: 'demo-member',
      templateId: 'tmpl-study-reminder',
      page: 'pages/study/index',
      data: REMINDER.data,
      miniprogramState: 'developer',
      lang: null,
      functionName: 'notify',
      callerTag: expect.stringMatching(/^notify-\d+$/),
      time: expect.any(String),
    });
    const response = await fetch(`${devcloud.url}/api/dev/outbox`, { headers: { 'x-devcloud-token': devcloud.token } });
    expect(await response.json()).toEqual({ messages: [message] });
  });

  it("refuses what WeChat refuses, with WeChat's error codes", async () => {
    const noUser = await devcloud.invoke('notify', { message: { ...REMINDER, touser: '' } });
    expect(noUser.result).toMatchObject({ ok: false, errCode: 40003 });
    const noTemplate = await devcloud.invoke('notify', { message: { ...REMINDER, templateId: undefined } });
    expect(noTemplate.result).toMatchObject({ ok: false, errCode: 40037 });
    const emptyValue = await devcloud.invoke('notify', { message: { ...REMINDER, data: { thing1: {} } } });
    expect(emptyValue.result).toMatchObject({ ok: false, errCode: 47003 });
    expect(devcloud.outbox.list()).toHaveLength(1);
  });

  it('refuses a function whose config.json lacks the openapi permission, as the platform does', async () => {
    const { result } = await devcloud.invoke('notify-unpermitted', { message: REMINDER });
    expect(result).toMatchObject({ ok: false, errCode: -604101 });
    expect(devcloud.outbox.list()).toHaveLength(1);
  });

  it('keeps the outbox across a restart of devcloud', async () => {
    await devcloud.close();
    devcloud = await startBareDevcloud({ dataDir });
    expect(devcloud.outbox.list().map((message) => message.templateId)).toEqual(['tmpl-study-reminder']);
  });
});
