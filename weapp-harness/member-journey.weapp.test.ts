import { useWeappSuite } from './support/suite';

/**
 * A member's month on the compiled package, each step checked in devcloud's database: read a material to
 * completion, answer the quiz across an app relaunch (check-in and leave: secretary-journey.weapp.test.ts).
 * Reading completion is judged by the server's clock: the shortest demo material needs about 10 s of real
 * reading (the one real wait in this suite; it moves to the devcloud test clock when that lands).
 */
describe('member journey (demo-member)', () => {
  const suite = useWeappSuite();
  const memberIdOf = (openid: string) => (suite.cloud.engine.find('bindings', { _id: openid })[0] as { memberId: string }).memberId;

  it('reads 重温入党誓词 to the end and the server records it completed', async () => {
    const { engine } = suite.cloud;
    const memberId = memberIdOf('demo-member');
    const material = engine.find('studyMaterials', { title: '重温入党誓词' })[0] as { _id: string };
    const app = await suite.launch(suite.phone(), 'demo-member');
    await app.waitForText('同志，您好');
    await app.switchTab('pages/study/index');
    await app.waitForText('重温入党誓词');
    await app.tap('重温入党誓词');
    await app.waitForRoute('pages/reader/index');
    await app.waitForText('全文完');
    // The member scrolls to the end of the article (three screens tall in the harness).
    const scroll = app.byClass('reader__scroll')[0]!;
    app.dispatch(scroll.sid!, 'scroll', {
      scrollTop: 2172 - 724,
      scrollHeight: 2172,
      scrollLeft: 0,
      scrollWidth: 375,
      deltaY: 0,
      deltaX: 0,
    });
    await app.waitForText('已完成', 40_000);
    const progress = engine.find('studyProgress', { memberId, materialId: material._id })[0] as {
      completedAt?: Date;
      furthest: number;
      creditedSeconds: number;
    };
    expect(progress.furthest).toBe(1);
    expect(progress.completedAt).toBeInstanceOf(Date);
    // Credited by the server's clock, not the phone's: at least the material's minimum reading time.
    expect(progress.creditedSeconds).toBeGreaterThanOrEqual(8);
  });

  it('answers the quiz, relaunches the app, resumes with the answers kept, submits and sees the review', async () => {
    const { engine } = suite.cloud;
    const memberId = memberIdOf('demo-member');
    const phone = suite.phone();
    let app = await suite.launch(phone, 'demo-member', { path: 'pages/quiz/index' });
    await app.waitForText('开始答题');
    await app.tap('开始答题');
    await app.waitForRoute('subpackages/quiz/play');
    await app.waitForText('已答 0/20');
    await app.tapSid(app.byClass('play__option')[0]!.sid!);
    await app.waitForText('已答 1/');
    const second = app.nodes().filter((n) => (n.cl ?? '').split(' ').includes('play__question'))[1]!;
    const secondOption = (second.cn ?? []).find((n) => (n.cl ?? '').includes('play__option'))!;
    await app.tapSid(secondOption.sid!);
    await app.waitForText('已答 2/');
    await app.waitForText('答案已保存');

    // WeChat kills the app; the member opens it again from the 答题 tab.
    app.close();
    app = await suite.launch(phone, 'demo-member', { path: 'pages/quiz/index' });
    await app.waitForText(/继续答题|开始答题/);
    await app.tap(/继续答题|开始答题/);
    await app.waitForRoute('subpackages/quiz/play');
    await app.waitForText('已答 2/');
    const attempt = engine.find('quizAttempts', { memberId })[0] as { _id: string; answers: Record<string, unknown> };
    expect(Object.keys(attempt.answers)).toHaveLength(2);

    await app.tap('交卷');
    await app.tap(/^确定交卷$/);
    await app.waitForRoute('subpackages/quiz/review');
    await app.waitForText('分');
    const finished = engine.find('quizAttempts', { _id: attempt._id })[0] as { status: string; score: number };
    expect(finished.status).not.toBe('open');
    expect(typeof finished.score).toBe('number');
  });
});
