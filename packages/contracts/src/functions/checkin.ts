import * as z from 'zod';
import { defineFunction } from '../define';
import { idSchema, plainText } from '../common';
import { publicQuestionSchema } from './quiz';

/**
 * 主题党日签到: events (secretary, own branch), rotating check-in codes, leave (请假), manual marks, closing,
 * make-up study (补学) and the attendance sheet with its append-only history. Times travel as ISO strings.
 */

export const ATTENDANCE_STATES = ['expected', 'leaveRequested', 'excused', 'present', 'late', 'absent', 'madeUp'] as const;
export const attendanceStateSchema = z.enum(ATTENDANCE_STATES);
export type AttendanceStateName = z.infer<typeof attendanceStateSchema>;

export const MARK_TARGETS = ['excused', 'present', 'late', 'absent', 'madeUp'] as const;
export const markTargetSchema = z.enum(MARK_TARGETS);

/** The subscribe-message template of the day-before reminder (configured in the WeChat console). */
export const CHECKIN_REMINDER_TEMPLATE_ID = 'tmpl-partyday-reminder';

const isoSchema = z.string().datetime({ offset: true });
const reasonSchema = plainText(100, { min: 1 });
const pointSchema = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).strict();

export const geofenceSchema = z
  .object({
    center: pointSchema,
    radiusMetres: z.number().int().min(20).max(5000),
    /** strict: refused outside the fence; flag: accepted and flagged for the secretary. */
    policy: z.enum(['strict', 'flag']),
  })
  .strict();

export const eventSummarySchema = z.object({
  eventId: idSchema,
  branchId: idSchema,
  branchName: z.string(),
  theme: z.string(),
  place: z.string(),
  startsAt: isoSchema,
  endsAt: isoSchema,
  checkinOpensAt: isoSchema,
  lateAfter: isoSchema,
  geofence: geofenceSchema.nullable(),
  materialIds: z.array(idSchema),
  closedAt: isoSchema.nullable(),
  /** upcoming · open (check-in possible now) · ended (past its end, not closed) · closed */
  phase: z.enum(['upcoming', 'open', 'ended', 'closed']),
});
export type CheckinEventSummary = z.infer<typeof eventSummarySchema>;

export const tallySchema = z.object({
  expected: z.number().int(),
  leaveRequested: z.number().int(),
  excused: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  absent: z.number().int(),
  madeUp: z.number().int(),
});
export type AttendanceTally = z.infer<typeof tallySchema>;

export const historyEntrySchema = z.object({
  at: isoSchema,
  by: z.string(),
  byName: z.string(),
  role: z.enum(['member', 'secretary', 'system']),
  command: z.string(),
  from: attendanceStateSchema,
  to: attendanceStateSchema,
  reason: z.string().optional(),
  flags: z.array(z.string()).optional(),
});
export type AttendanceHistoryEntry = z.infer<typeof historyEntrySchema>;

export const sheetRowSchema = z.object({
  memberId: idSchema,
  name: z.string(),
  duty: z.string(),
  state: attendanceStateSchema,
  checkedInAt: isoSchema.nullable(),
  checkinMethod: z.enum(['scan', 'code', 'manual']).nullable(),
  flags: z.array(z.string()),
  leaveReason: z.string().nullable(),
  history: z.array(historyEntrySchema),
  /** The history shows the member deciding on their own record (a secretary marking or excusing themselves). */
  selfMade: z.boolean(),
});
export type SheetRow = z.infer<typeof sheetRowSchema>;

export const myAttendanceSchema = z.object({
  state: attendanceStateSchema,
  checkedInAt: isoSchema.nullable(),
  leaveReason: z.string().nullable(),
  flags: z.array(z.string()),
});
export type MyAttendance = z.infer<typeof myAttendanceSchema>;

export const memberEventSchema = z.object({
  event: eventSummarySchema,
  mine: myAttendanceSchema,
  /** Whether the member asked for the day-before reminder. */
  reminderSubscribed: z.boolean(),
});
export type MemberEvent = z.infer<typeof memberEventSchema>;

export const makeUpMaterialSchema = z.object({ materialId: idSchema, title: z.string(), completed: z.boolean() });

/** 补学测验: a few questions drawn from the bank; the make-up counts only once it is passed. */
export const MAKE_UP_QUIZ_SIZE = 5;
/** Pass mark as a share of the paper's points (60%). */
export const MAKE_UP_QUIZ_PASS_RATIO = 0.6;

/**
 * Pass or fail, nothing more: a score or a count of right answers on a re-drawable paper would tell which
 * answers were right, one question at a time.
 */
export const makeUpQuizResultSchema = z.object({
  passed: z.boolean(),
  submittedAt: isoSchema,
});
export type MakeUpQuizResult = z.infer<typeof makeUpQuizResultSchema>;

/** The member's quiz as the make-up view shows it: passed once (sticky), and the last paper's result. */
export const makeUpQuizStatusSchema = z.object({ passed: z.boolean(), last: makeUpQuizResultSchema.nullable() });
export type MakeUpQuizStatus = z.infer<typeof makeUpQuizStatusSchema>;

const quizLabelSchema = z.string().regex(/^[A-J]$/);

export const eventInputSchema = z
  .object({
    eventId: idSchema.optional(),
    /** Defaults to the month plan's theme when left empty. */
    theme: plainText(40).default(''),
    place: plainText(60, { min: 1 }),
    startsAt: isoSchema,
    endsAt: isoSchema,
    checkinOpensAt: isoSchema.optional(),
    lateAfter: isoSchema.optional(),
    geofence: geofenceSchema.nullable().default(null),
    /** The make-up (补学) materials; default: the month plan's required materials. */
    materialIds: z.array(idSchema).max(20).optional(),
    /** The question-bank category the 补学测验 draws from (e.g. 党章); none: the whole bank. */
    quizCategory: plainText(20, { min: 1 }).nullable().default(null),
  })
  .strict();
export type SaveEventInput = z.input<typeof eventInputSchema>;

const eventRef = z.object({ eventId: idSchema }).strict();

export const checkInInputSchema = z
  .object({
    /** The scanned QR text (`zbxx:checkin:<eventId>:<code>`) … */
    payload: z.string().max(200).optional(),
    /** … or the 6 digits typed by hand, with the event from the page (or the member's open event). */
    code: z.string().max(20).optional(),
    eventId: idSchema.optional(),
    position: pointSchema
      .extend({ accuracyMetres: z.number().min(0).max(10_000).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type CheckInInput = z.input<typeof checkInInputSchema>;

export const checkinContract = defineFunction('checkin', {
  // ── secretary ──
  listEvents: {
    input: z.object({}).strict().optional(),
    output: z.object({ events: z.array(eventSummarySchema.extend({ tally: tallySchema })) }),
  },
  saveEvent: { input: eventInputSchema, output: z.object({ event: eventSummarySchema }) },
  removeEvent: { input: eventRef, output: z.object({ removed: z.literal(true) }) },
  currentCode: {
    input: eventRef,
    output: z.object({ eventId: idSchema, code: z.string(), payload: z.string(), validUntil: isoSchema, serverTime: isoSchema }),
  },
  sheet: {
    input: eventRef,
    output: z.object({ event: eventSummarySchema, tally: tallySchema, rows: z.array(sheetRowSchema) }),
  },
  mark: {
    input: z.object({ eventId: idSchema, memberId: idSchema, to: markTargetSchema, reason: plainText(100) }).strict(),
    output: z.object({ row: sheetRowSchema }),
  },
  decideLeave: {
    input: z.object({ eventId: idSchema, memberId: idSchema, approve: z.boolean(), reason: plainText(100).optional() }).strict(),
    output: z.object({ row: sheetRowSchema }),
  },
  closeEvent: { input: eventRef, output: z.object({ event: eventSummarySchema, tally: tallySchema }) },
  sendDueReminders: { input: z.object({}).strict().optional(), output: z.object({ sent: z.number().int(), failed: z.number().int() }) },
  // ── member ──
  myEvents: {
    input: z.object({}).strict().optional(),
    output: z.object({ serverTime: isoSchema, next: memberEventSchema.nullable(), recent: z.array(memberEventSchema) }),
  },
  checkIn: {
    input: checkInInputSchema,
    output: z.object({ eventId: idSchema, theme: z.string(), mine: myAttendanceSchema, alreadyCheckedIn: z.boolean() }),
  },
  requestLeave: { input: z.object({ eventId: idSchema, reason: reasonSchema }).strict(), output: z.object({ mine: myAttendanceSchema }) },
  subscribeReminder: { input: eventRef, output: z.object({ subscribed: z.literal(true) }) },
  makeUp: {
    input: eventRef,
    output: z.object({
      event: eventSummarySchema,
      mine: myAttendanceSchema,
      materials: z.array(makeUpMaterialSchema),
      quiz: makeUpQuizStatusSchema,
    }),
  },
  /** The paper to answer (the same one until it is submitted); no key ever leaves the server. */
  makeUpQuizStart: {
    input: eventRef,
    output: z.object({ paperId: idSchema, questions: z.array(publicQuestionSchema), passMark: z.number(), quiz: makeUpQuizStatusSchema }),
  },
  /** Scored on the server; submitting the same paper again returns the stored result and changes nothing. */
  makeUpQuizSubmit: {
    input: z
      .object({
        eventId: idSchema,
        paperId: idSchema,
        answers: z.record(idSchema, z.array(quizLabelSchema).max(10)).refine((map) => Object.keys(map).length <= 20),
      })
      .strict(),
    output: z.object({ result: makeUpQuizResultSchema, quiz: makeUpQuizStatusSchema }),
  },
  completeMakeUp: { input: eventRef, output: z.object({ mine: myAttendanceSchema }) },
});
