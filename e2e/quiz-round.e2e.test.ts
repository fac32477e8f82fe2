import type { Page } from 'playwright-core';
import { DEMO_ROUND_ID } from '@zbxx/demo-data';
import { monthOf } from '@zbxx/domain';
import { E2E_NOW, signInAs } from './support/app';
import { useBrowserSuite } from './support/suite';

jest.setTimeout(180_000);

const roundId = DEMO_ROUND_ID(monthOf(E2E_NOW));
/** The h5 router keeps pages it left in the DOM (hidden): act on the one on screen. */
const onScreen = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

/** Every reply of the quiz function the page received, for the key scan. */
function recordQuizReplies(page: Page): { action: string; body: string }[] {
  const replies: { action: string; body: string }[] = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !request.url().endsWith('/api/functions/quiz')) return;
    const action = (JSON.parse(request.postData() ?? '{}') as { action?: string }).action ?? '?';
    replies.push({ action, body: await response.text().catch(() => '') });
  });
  return replies;
}

describe('党规答题 in the h5 app on devcloud', () => {
  const suite = useBrowserSuite();

  it('a member takes this month’s round, survives a reload mid-way, submits and reviews it', async () => {
    const page = await suite.phone.newPage();
    const replies = recordQuizReplies(page);
    await signInAs(page, suite.app.url, 'demo-member');
    await page.goto(`${suite.app.url}/#/pages/quiz/index`);
    await onScreen(page, `start-${roundId}`).click();

    // Answer the first half, wait until the server has them, then kill the page.
    await onScreen(page, 'question-20').waitFor();
    for (let n = 1; n <= 10; n += 1) await onScreen(page, `option-${n}-A`).click();
    await onScreen(page, 'saving').filter({ hasText: '答案已保存' }).waitFor();
    await expect(onScreen(page, 'answered').textContent()).resolves.toBe('已答 10/20');
    await page.reload();

    // Back in: the same paper with every saved answer.
    await onScreen(page, 'answered').filter({ hasText: '已答 10/20' }).waitFor();
    await expect(onScreen(page, 'option-10-A').getAttribute('class')).resolves.toContain('is-chosen');
    for (let n = 11; n <= 20; n += 1) await onScreen(page, `option-${n}-B`).click();
    await expect(onScreen(page, 'answered').textContent()).resolves.toBe('已答 20/20');
    await onScreen(page, 'submit').click();
    await onScreen(page, 'confirm-submit').click();

    // Result: the server's score, then the review as the round's policy allows (2 more attempts: no keys yet).
    const score = Number(
      await onScreen(page, 'result-score')
        .textContent()
        .then((text) => text?.replace(/\/.*$/, '')),
    );
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(100);
    await expect(onScreen(page, 'result-verdict').textContent()).resolves.toMatch(/合格/);
    await expect(onScreen(page, 'review-notice').textContent()).resolves.toContain('答题次数用完后公布');
    await expect(onScreen(page, 'review-1').textContent()).resolves.toContain('你的答案：A');
    await expect(onScreen(page, 'review-20').textContent()).resolves.toContain('你的答案：B');
    await expect(page.getByTestId('key-1').count()).resolves.toBe(0);
    await page.screenshot({ path: 'e2e/artifacts/quiz-review.png' });

    // The 答题 tab shows the grade and the finished attempt, which opens the same review.
    await page.goto(`${suite.app.url}/#/pages/quiz/index`);
    await expect(onScreen(page, `grade-${roundId}`).textContent()).resolves.toContain(String(score));
    await onScreen(page, `start-${roundId}`).filter({ hasText: '再答一次（剩2次）' }).waitFor();

    // Nothing the page received before submission carried a key or an explanation.
    const beforeSubmit = replies.slice(
      0,
      replies.findIndex((reply) => reply.action === 'submit'),
    );
    expect(beforeSubmit.map((reply) => reply.action)).toEqual(expect.arrayContaining(['rounds', 'start', 'answer']));
    for (const reply of beforeSubmit) expect(reply.body).not.toMatch(/"(key|explanation|citation|correctAnswer|order|seed)"/);
  });
});
