import { cancel, denied, success } from './support/device';
import { useWeappSuite } from './support/suite';
import { waitFor } from './support/wait';

/**
 * The phone's answers the journeys do not already walk through: a lost signal (callFunction fails, then
 * succeeds), the map picker, a refused location, and the share card. Outcomes are checked in the database.
 */
describe('device answers and a lost signal', () => {
  const suite = useWeappSuite();
  const memberIdOf = (openid: string) => (suite.cloud.engine.find('bindings', { _id: openid })[0] as { memberId: string }).memberId;

  it('a read lost to the network is retried: the home page still loads', async () => {
    const phone = suite.phone();
    phone.loseNetwork(1);
    const app = await suite.launch(phone, 'demo-member');
    await app.waitForText('同志，您好');
    expect(app.calls[0]).toMatchObject({ name: 'account', action: 'home', error: expect.stringContaining('request:fail') });
    expect(app.calls.some((c) => c.action === 'home' && c.error === undefined)).toBe(true);
  });

  it('an answer saved while offline stays on the phone and reaches the server with the next one', async () => {
    const { engine } = suite.cloud;
    const memberId = memberIdOf('demo-member');
    const phone = suite.phone();
    const app = await suite.launch(phone, 'demo-member', { path: 'pages/quiz/index' });
    await app.waitForText('开始答题');
    await app.tap('开始答题');
    await app.waitForRoute('subpackages/quiz/play');
    await app.waitForText('已答 0/20');
    phone.loseNetwork(1);
    const options = app.byClass('play__option');
    await app.tapSid(options[0]!.sid!);
    await app.waitForText('网络不稳定');
    const attemptId = (engine.find('quizAttempts', { memberId })[0] as { _id: string })._id;
    expect(Object.keys((engine.find('quizAttempts', { _id: attemptId })[0] as { answers: object }).answers)).toHaveLength(0);
    // Signal back: the next tap sends both answers.
    await app.tapSid(options[5]!.sid!);
    await app.waitForText('答案已保存');
    expect(Object.keys((engine.find('quizAttempts', { _id: attemptId })[0] as { answers: object }).answers)).toHaveLength(2);
  });

  it('the secretary sets the check-in area on WeChat’s map (after backing out once) and creates the event', async () => {
    const { engine } = suite.cloud;
    const phone = suite.phone();
    const app = await suite.launch(phone, 'demo-secretary', { path: 'subpackages/secretary/party-day/index' });
    await app.tap(/^新建活动$/);
    await app.waitForText('安排主题党日');
    phone.device.script(
      'chooseLocation',
      cancel,
      success({ name: '东关社区党群服务中心', address: '东关街 1 号', latitude: 34.5, longitude: 110.1 }),
    );
    await app.tap(/^在地图上设置签到范围$/);
    expect(app.text()).toContain('在地图上设置签到范围');
    await app.tap(/^在地图上设置签到范围$/);
    await app.waitForText('重新选择签到位置');
    await app.type('主题（不填则用本月学习主题）', '地图签到演练');
    await app.tap(/^创建活动$/);
    await waitFor(() => engine.find('checkinEvents', { theme: '地图签到演练' }).length === 1, 30_000, 'event created');
    expect(engine.find('checkinEvents', { theme: '地图签到演练' })[0]).toMatchObject({
      place: '东关社区党群服务中心',
      geofence: { center: { latitude: 34.5, longitude: 110.1 }, radiusMetres: 200, policy: 'flag' },
    });
  });

  it('a member who refuses location still checks in to a fenced party day, flagged for the secretary', async () => {
    const { engine } = suite.cloud;
    const memberId = memberIdOf('demo-member');
    engine.update(
      'checkinEvents',
      { _id: 'ev-demo-today' },
      { $set: { geofence: { center: { latitude: 34.5, longitude: 110.1 }, radiusMetres: 200, policy: 'flag' } } },
    );
    const secretary = await suite.launch(suite.phone(), 'demo-secretary', {
      path: 'subpackages/secretary/party-day/code',
      query: { eventId: 'ev-demo-today' },
    });
    await secretary.waitForText(/\d{6}/);
    const code = /\d{6}/.exec(secretary.text().replace(/\s+/g, ''))![0];
    const phone = suite.phone();
    const app = await suite.launch(phone, 'demo-member', { path: 'pages/party-day/index' });
    phone.device.script('scanCode', success({ result: `zbxx:checkin:ev-demo-today:${code}` }));
    phone.device.script('getLocation', denied);
    await app.tap('扫码签到');
    await waitFor(() => engine.find('attendance', { memberId, eventId: 'ev-demo-today' }).length > 0);
    expect(engine.find('attendance', { memberId, eventId: 'ev-demo-today' })[0]).toMatchObject({ flags: ['NO_LOCATION'] });
    expect(phone.device.calls.find((c) => c.api === 'getLocation')?.options).toMatchObject({ type: 'gcj02' });
  });

  it('the share card forwards as a card that opens the home page, with only the branch’s own numbers', async () => {
    const month = (suite.cloud.engine.find('quizRounds', {}, { sort: { opensAt: -1 } })[0] as { month: string }).month;
    const app = await suite.launch(suite.phone(), 'demo-secretary', { path: 'subpackages/secretary/stats/share', query: { month } });
    await app.waitForText('转发到支部群');
    const button = app.nodes().find((n) => n.tag === 'button' && Object.values(n).includes('share'));
    expect(button).toBeDefined();
    // WeChat asks the page for the card when the share button is tapped.
    const card = app.callPage('onShareAppMessage', { from: 'button' }) as { title: string; path: string };
    expect(card.path).toBe('/pages/index/index');
    expect(card.title).toContain('城关镇东关社区党支部');
  });

  it('the admin inserts a photo into a material (chooseMedia, after backing out once): its bytes land in cloud storage', async () => {
    const { devcloud } = suite.cloud;
    // A 1×1 PNG, as the camera roll would hand it over (compressed).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const phone = suite.phone();
    const photo = phone.addFile('photo.png', png);
    phone.device.script(
      'chooseMedia',
      cancel,
      success({ type: 'image', tempFiles: [{ tempFilePath: photo.path, size: photo.size, fileType: 'image' }] }),
    );
    const app = await suite.launch(phone, 'demo-admin', { path: 'subpackages/admin/study/index' });
    await app.tap(/^学习材料$/);
    await app.tap(/^新建材料$/);
    await app.tap(/^插入图片$/);
    await app.tap(/^插入图片$/);
    await waitFor(() => app.nodes().some((n) => n.tag === 'textarea' && JSON.stringify(n).includes('cloud://')), 30_000, 'image inserted');
    const body = JSON.stringify(app.nodes().find((n) => n.tag === 'textarea' && JSON.stringify(n).includes('cloud://')));
    const fileID = /cloud:\/\/[^)\\"]+/.exec(body)![0];
    const link = (await devcloud.registry.get('storage.batchGetDownloadUrl')!({
      callerTag: null,
      body: { file_list: [{ fileid: fileID, max_age: 60 }] },
    })) as {
      data: { download_list: { tempFileURL: string }[] };
    };
    const stored = Buffer.from(await (await fetch(link.data.download_list[0]!.tempFileURL)).arrayBuffer());
    expect(stored.equals(png)).toBe(true);
    expect(phone.device.calls.filter((c) => c.api === 'chooseMedia')[0]?.options).toMatchObject({ mediaType: ['image'] });
  });
});
