/**
 * The seam between the HTTP server and the protocol areas (database, storage, functions, openapi).
 * Every wx-server-sdk call arrives as one POST to `/admin[/<callerTag>]?env=…` whose JSON body names an
 * `action` (e.g. `database.getDocument`); the server looks the action up here and answers with what the
 * handler returns. Each area registers its own actions; the server knows none of them.
 */
export interface AdminRequestContext {
  /**
   * Who sent the request: the function host gives each worker its own service URL
   * (`/admin/<callerTag>`), so requests can be attributed to the invocation running on it.
   * null for plain scripts that use `/admin`.
   */
  callerTag: string | null;
  /** The parsed body; multipart bodies (wx.openApi) arrive with their parts. */
  body: Record<string, unknown>;
  /** Raw parts of a multipart body, by field name (only for multipart requests). */
  parts?: Record<string, Buffer>;
}

export type AdminActionHandler = (ctx: AdminRequestContext) => Promise<unknown> | unknown;

/** An error the SDK understands: the server answers `{ code, message, requestId }`. */
export class AdminActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminActionError';
  }
}

export class AdminActionRegistry {
  private readonly handlers = new Map<string, AdminActionHandler>();

  register(action: string, handler: AdminActionHandler): void {
    if (this.handlers.has(action)) throw new Error(`admin action registered twice: ${action}`);
    this.handlers.set(action, handler);
  }

  registerAll(handlers: Record<string, AdminActionHandler>): void {
    for (const [action, handler] of Object.entries(handlers)) this.register(action, handler);
  }

  get(action: string): AdminActionHandler | undefined {
    return this.handlers.get(action);
  }

  actions(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
