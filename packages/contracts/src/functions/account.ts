import * as z from 'zod';
import { defineFunction } from '../define';
import { idSchema, monthSchema, orgRefSchema, personNameSchema, roleSchema } from '../common';
import { eventSummarySchema, myAttendanceSchema } from './checkin';
import { summaryResultSchema } from './study';

/** Who the caller is, as the server derives it from OPENID and the members record. */
export const meSchema = z.object({
  memberId: idSchema,
  name: z.string(),
  /** Masked for display, e.g. 138****1234. */
  phoneMasked: z.string(),
  roles: z.array(roleSchema),
  branch: orgRefSchema,
  /** From the county down to the branch. */
  orgPath: z.array(orgRefSchema),
  scope: z.object({
    /** Branches the caller is secretary of. */
    secretaryOf: z.array(orgRefSchema),
    /** Subtree roots the caller administers. */
    adminOf: z.array(orgRefSchema),
  }),
  /** The server's current month (Asia/Shanghai). */
  month: monthSchema,
});
export type Me = z.infer<typeof meSchema>;

export const loginResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('bound'), me: meSchema }),
  z.object({ status: z.literal('unbound') }),
  z.object({ status: z.literal('pending'), branchName: z.string() }),
]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const bindInputSchema = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('phone'),
      name: personNameSchema,
      phoneLast4: z.string().regex(/^\d{4}$/),
    })
    .strict(),
  z
    .object({
      method: z.literal('invite'),
      name: personNameSchema,
      inviteCode: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{6,8}$/),
    })
    .strict(),
]);
export type BindInput = z.infer<typeof bindInputSchema>;

export const bindResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('bound'), me: meSchema }),
  z.object({ status: z.literal('pending'), branchName: z.string() }),
]);
export type BindResult = z.infer<typeof bindResultSchema>;

const isoSchema = z.string().datetime({ offset: true });

/** 首页 主题党日 card: the branch's next event and the member's state, by the server's clock. */
export const homePartyDaySchema = z.object({
  serverTime: isoSchema,
  next: z.object({ event: eventSummarySchema, mine: myAttendanceSchema }).nullable(),
});
export type HomePartyDay = z.infer<typeof homePartyDaySchema>;

/** 首页 党规答题 card: this month's round reaching the member (the one open now, else the next to open). */
export const homeQuizSchema = z.object({
  roundId: idSchema,
  title: z.string(),
  window: z.enum(['upcoming', 'open', 'closed']),
  opensAt: isoSchema,
  closesAt: isoSchema,
});
export type HomeQuiz = z.infer<typeof homeQuizSchema>;

/** The home screen in one call (DESIGN.md: one function call, ≤ 4 database requests): login + the month's cards. */
export const homeResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('bound'),
    me: meSchema,
    study: summaryResultSchema,
    partyDay: homePartyDaySchema,
    quiz: homeQuizSchema.nullable(),
  }),
  z.object({ status: z.literal('unbound') }),
  z.object({ status: z.literal('pending'), branchName: z.string() }),
]);
export type HomeResult = z.infer<typeof homeResultSchema>;

export const accountContract = defineFunction('account', {
  login: { input: z.object({}).strict().optional(), output: loginResultSchema },
  home: { input: z.object({}).strict().optional(), output: homeResultSchema },
  bind: { input: bindInputSchema, output: bindResultSchema },
});
