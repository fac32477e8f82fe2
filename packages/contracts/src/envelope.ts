import * as z from 'zod';
import { ERROR_CODES, type AppErrorBody } from './errors';

/** What every function receives: `{ action, data?, requestId? }`. */
export const eventSchema = z
  .object({
    action: z.string().min(1).max(64),
    data: z.unknown().optional(),
    // Client-generated id that makes a retried write idempotent.
    requestId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    // The platform adds `userInfo: { appId, openId }` to events from mini-program clients. It is never
    // trusted for identity (that comes from getWXContext), only tolerated.
    userInfo: z.object({ appId: z.string().optional(), openId: z.string().optional() }).passthrough().optional(),
  })
  .strict();

export type FunctionEvent = z.infer<typeof eventSchema>;

export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
});

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export function envelopeSchema<T extends z.ZodTypeAny>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: errorBodySchema })]);
}
