const DUPLICATE_CODE = 'DATABASE_DUPLICATE_WRITE';

/** The platform refused an insert because the id (or a unique index) is taken; raw or wrapped by wx-server-sdk. */
export function isDuplicateWrite(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false;
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown };
  return (
    code === DUPLICATE_CODE ||
    [errMsg, message].some((text) => typeof text === 'string' && (text.includes(DUPLICATE_CODE) || text.includes('E11000')))
  );
}
