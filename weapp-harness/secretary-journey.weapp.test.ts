import { cancel, denied, subscribe, success } from './support/device';
import { useWeappSuite } from './support/suite';
import { waitFor } from './support/wait';

/**
 * The secretary's month on the compiled package, with the members' phones it depends on: 催学 reaches only a
 * member who accepted WeChat's subscribe dialog; the party day runs from the code on the secretary's phone
 * through a member's scan, the live sheet and the close, after which the member asks leave for the next one.
 * Every step is checked in devcloud's database.
 */
describe('secretary journey (demo-secretary, with demo-member’s phone)', () => {
  const suite = useWeappSuite();
  const memberIdOf = (openid: string) => (suite.cloud.engine.find('bindings', { _id: openid })[0] as { memberId: string }).memberId;

  it('催学: a refused subscribe dialog means no message, an accepted one means exactly one', async () => {
    const { engine } = suite.cloud;
    const memberId = memberIdOf('demo-member');
    const memberPhone = suite.phone();
    const member = await suite.launch(memberPhone, 'demo-member', { path: 'subpackages/member/study-reminder' });
    await member.waitForText('尚未开启');
    memberPhone.device.script('requestSubscribeMessage', subscribe('reject'));
    await member.tap(/^开启学习提醒$/);
    await member.waitForText('尚未开启');
    expect(engine.find('reminderConsents', { memberId, credits: { $gt: 0 } })).toHaveLength(0);

    const month = (engine.find('quizRounds', {}, { sort: { opensAt: -1 } })[0] as { month: string }).month;
    const secretary = await suite.launch(suite.phone(), 'demo-secretary', { path: 'subpackages/secretary/stats/index', query: { month } });
    await secretary.waitForText('催学记录');
    await secretary.tap(/^催学$/);
    await secretary.waitForText('确定发送');
    await secretary.tap(/^确定发送$/);
    await secretary.waitForText('未订阅');
    expect(engine.find('studyReminders', { memberId })).toHaveLength(0);
    await secretary.tap(/^完成$/);

    memberPhone.device.script('requestSubscribeMessage', subscribe('accept'));
    await member.tap(/^开启学习提醒$/);
    await member.waitForText('还可接收 1 次提醒');
    await secretary.tap(/^催学$/);
    await secretary.tap(/^确定发送$/);
    await secretary.waitForText('已发送 1');
    expect(engine.find('studyReminders', { memberId })).toHaveLength(1);
    expect(suite.cloud.devcloud.outbox.list({ touser: 'demo-member' })).toHaveLength(1);
  });

  it('party day: the code page, a member’s scan (after a cancel and a refused camera), the sheet, the close, then leave for the next one', async () => {
    const { engine } = suite.cloud;
    const memberId = memberIdOf('demo-member');
    const secretary = await suite.launch(suite.phone(), 'demo-secretary', { path: 'subpackages/secretary/party-day/index' });
    await secretary.tap('出示签到码');
    await secretary.waitForRoute('subpackages/secretary/party-day/code');
    await secretary.waitForText(/\d{6}/);
    const code = /\d{6}/.exec(secretary.byClass('pd-code__digits').map(textOf).join(''))![0];

    const phone = suite.phone();
    const member = await suite.launch(phone, 'demo-member', { path: 'pages/party-day/index' });
    await member.waitForText('扫码签到');
    const event = engine.find('checkinEvents', { _id: 'ev-demo-today' })[0] as { geofence?: unknown };
    // The member backs out of the scanner, then the camera permission is refused: nothing is written.
    phone.device.script('scanCode', cancel, denied);
    const scans = () => phone.device.calls.filter((c) => c.api === 'scanCode').length;
    await member.tap('扫码签到');
    await waitFor(() => scans() === 1);
    await member.tap('扫码签到');
    await waitFor(() => scans() === 2);
    expect(engine.find('attendance', { memberId, eventId: 'ev-demo-today' })).toHaveLength(0);

    phone.device.script('scanCode', success({ result: `zbxx:checkin:ev-demo-today:${code}`, scanType: 'QR_CODE' }));
    if (event.geofence) phone.device.script('getLocation', success({ latitude: 0, longitude: 0, accuracy: 20 }));
    await member.tap('扫码签到');
    await waitFor(() => engine.find('attendance', { memberId, eventId: 'ev-demo-today' }).length > 0);
    expect(['present', 'late']).toContain(
      (engine.find('attendance', { memberId, eventId: 'ev-demo-today' })[0] as { state: string }).state,
    );
    expect(phone.device.calls.filter((c) => c.api === 'scanCode').map((c) => c.options.onlyFromCamera)).toEqual([true, true, true]);

    await secretary.tap('查看考勤表');
    await secretary.waitForRoute('subpackages/secretary/party-day/sheet');
    await secretary.waitForText('李秀英');
    await secretary.tap(/^结束签到$/);
    await waitFor(
      () => (engine.find('checkinEvents', { _id: 'ev-demo-today' })[0] as { status?: string; closedAt?: unknown }).closedAt !== undefined,
      30_000,
      'event closed',
    );

    // The next party day is now next month's: the member asks leave for it.
    member.close();
    const again = await suite.launch(phone, 'demo-member', { path: 'pages/party-day/index' });
    await again.waitForText('请假');
    await again.tap(/^请假$/);
    await again.type('请假原因（必填）', '外出务工');
    await again.tap(/^提交$/);
    await waitFor(() => engine.find('attendance', { memberId, state: 'leaveRequested' }).length > 0, 30_000, 'leave request recorded');
    expect(engine.find('attendance', { memberId, state: 'leaveRequested' })[0]).toMatchObject({ leaveReason: '外出务工' });
  });
});

function textOf(node: { v?: string; cn?: unknown[] }): string {
  return (node.v ?? '') + ((node.cn ?? []) as { v?: string; cn?: unknown[] }[]).map(textOf).join('');
}
