import { RequestStats } from '../request-stats';

describe('RequestStats', () => {
  it('counts only database actions, per action, per open tag and for scripts', () => {
    const stats = new RequestStats();
    stats.openTag('account-1');
    stats.countRequest('database.getDocument', 'account-1');
    stats.countRequest('database.getDocument', null);
    stats.countRequest('storage.getUploadMetadata', 'account-1');
    expect(stats.closeTag('account-1')).toBe(1);
    expect(stats.snapshot().dbRequests).toEqual({ total: 2, byAction: { 'database.getDocument': 2 }, fromScripts: 1 });
  });

  it("adds a nested invocation's requests to its parent's", () => {
    const stats = new RequestStats();
    stats.openTag('parent');
    stats.openTag('child', 'parent');
    stats.countRequest('database.insertDocument', 'child');
    stats.countRequest('database.insertDocument', 'parent');
    expect(stats.closeTag('child')).toBe(1);
    expect(stats.closeTag('parent')).toBe(2);
  });

  it('still counts requests that arrive after their tag closed, but only globally', () => {
    const stats = new RequestStats();
    stats.openTag('late');
    expect(stats.closeTag('late')).toBe(0);
    stats.countRequest('database.getDocument', 'late');
    expect(stats.snapshot().dbRequests.total).toBe(1);
    expect(stats.closeTag('late')).toBe(0);
  });

  it('aggregates invocations per function', () => {
    const stats = new RequestStats();
    stats.recordInvocation('account', 'ok', 3, 40);
    stats.recordInvocation('account', 'timeout', 1, 3000);
    expect(stats.snapshot().functions).toEqual({ account: { invocations: 2, failures: 1, dbRequests: 4, totalDurationMs: 3040 } });
  });
});
