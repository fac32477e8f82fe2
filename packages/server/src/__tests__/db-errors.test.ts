import { classifyPlatformError, isTransactionConflict } from '../db-errors';

describe('isTransactionConflict', () => {
  it('recognises the raw and the wrapped form of a lost transaction', () => {
    expect(isTransactionConflict({ code: 'DATABASE_TRANSACTION_CONFLICT' })).toBe(true);
    expect(isTransactionConflict({ errCode: -1, errMsg: 'document.update:fail DATABASE_TRANSACTION_CONFLICT' })).toBe(true);
    // wx-server-sdk 4.0.2's wrapping of a write refused by a transaction lock (as the platform answers it)
    expect(
      isTransactionConflict({
        errCode: -501001,
        errMsg:
          'document.update:fail -501001 resource system error. [ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others.',
      }),
    ).toBe(true);
    expect(isTransactionConflict({ errCode: -501001, errMsg: 'document.update:fail -501001 resource system error.' })).toBe(false);
    expect(isTransactionConflict(new Error('boom'))).toBe(false);
    expect(isTransactionConflict('DATABASE_TRANSACTION_CONFLICT')).toBe(false);
  });

  it('maps a conflict to CONFLICT and leaves other errors alone', () => {
    expect(classifyPlatformError({ code: 'DATABASE_TRANSACTION_CONFLICT' })?.code).toBe('CONFLICT');
    expect(classifyPlatformError(new Error('x'))).toBeNull();
  });
});
