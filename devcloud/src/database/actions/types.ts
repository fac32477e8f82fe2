import type { Engine } from '../../engine';
import type { RequestParams } from '../request-params';

/** A database action: reads its typed parameters, answers the reply body (the server adds requestId). */
export type DatabaseAction = (params: RequestParams) => Record<string, unknown> | Promise<Record<string, unknown>>;

export type DatabaseActions = (engine: Engine) => Record<string, DatabaseAction>;
