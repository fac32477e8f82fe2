import { EngineError } from '../engine';
import { AdminActionError, type AdminActionHandler, type AdminRequestContext } from '../server/admin-actions';

/** Engine failures already carry platform codes; the server turns AdminActionError into `{ code, message }`. */
export function withPlatformErrors(handler: AdminActionHandler): AdminActionHandler {
  return async (ctx: AdminRequestContext) => {
    try {
      return await handler(ctx);
    } catch (err) {
      if (err instanceof EngineError) throw new AdminActionError(err.code, err.message);
      throw err;
    }
  };
}
