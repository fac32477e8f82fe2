/**
 * Engine failures carry the platform's error codes (docs.cloudbase.net/error-code), so the protocol layer
 * forwards them unchanged and the SDK reacts as it does in production (e.g. `runTransaction` retries
 * exactly on DATABASE_TRANSACTION_CONFLICT; wx-server-sdk maps the rest through its TCB_ERR_CODE table).
 */
export type EngineErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_INVALID_OPERRATOR'
  | 'DATABASE_REQUEST_FAILED'
  | 'INVALID_PARAM';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export function collectionNotExist(name: string): EngineError {
  return new EngineError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
}
