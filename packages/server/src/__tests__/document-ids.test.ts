import { idSchema } from '@zbxx/contracts';
import { createdDocId, newId } from '../document-ids';

describe('createdDocId', () => {
  it('is the same for a retry of one request by one author, and differs for another request or author', () => {
    const random = () => 0.5;
    const first = createdDocId('plan', 'm-admin', 'r-req-0001', random);
    expect(createdDocId('plan', 'm-admin', 'r-req-0001', Math.random)).toBe(first);
    expect(createdDocId('plan', 'm-admin', 'r-req-0002', random)).not.toBe(first);
    expect(createdDocId('plan', 'm-other', 'r-req-0001', random)).not.toBe(first);
    expect(first).toMatch(/^plan-[0-9a-f]{16}$/);
    expect(idSchema.safeParse(first).success).toBe(true);
  });

  it('keeps the ids 主题党日 events were given (ev- + 16 hex of sha256(author:requestId))', () => {
    expect(createdDocId('ev', 'm-secretary', 'retry-create-0001', Math.random)).toBe('ev-b329e2135e8bac50');
  });

  it('comes from the random source without a requestId', () => {
    expect(createdDocId('mat', 'm-admin', null, () => 0.5)).toBe(newId('mat', () => 0.5));
    expect(newId('mat', () => 0.5)).toBe('mat-iiiiiiiiiiiiiiii');
    expect(createdDocId('mat', 'm-admin', null, Math.random)).not.toBe(createdDocId('mat', 'm-admin', null, Math.random));
  });
});
