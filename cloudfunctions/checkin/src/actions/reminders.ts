import { CHECKIN_REMINDER_TEMPLATE_ID, type checkinContract } from '@zbxx/contracts';
import {
  AppError,
  checkinRemindersRepo,
  requireBound,
  type CheckinReminderDoc,
  type Db,
  type FunctionHandler,
  type TimerContext,
} from '@zbxx/server';
import * as cloud from 'wx-server-sdk';

type Handler<K extends keyof typeof checkinContract.actions> = FunctionHandler<typeof checkinContract, K>;

/** Subscribe-message `thing` values hold at most 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

function shanghaiTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

function reminderMessage(reminder: CheckinReminderDoc) {
  return {
    touser: reminder.openid,
    templateId: CHECKIN_REMINDER_TEMPLATE_ID,
    page: 'pages/party-day/index',
    data: {
      thing1: { value: thing(reminder.theme) },
      time2: { value: shanghaiTime(reminder.startsAt) },
      thing3: { value: thing(reminder.place) },
    },
  };
}

/**
 * Sends the day-before reminders that are due in the caller's scope (a secretary's branch, an admin's
 * subtree), each once: `sentAt` is set after WeChat accepted it. A failed send (consent withdrawn …) is
 * counted and left for the next run. 1 + 2 per reminder database requests.
 */
export const sendDueReminders: Handler<'sendDueReminders'> = async (_input, { caller, db, now }) => {
  const { scope } = requireBound(caller);
  const roots = [...scope.adminOf, ...scope.secretaryOf];
  if (roots.length === 0) throw new AppError('AUTH.FORBIDDEN');
  return send(db, await checkinRemindersRepo.findDueReminders(db, roots, now), now);
};

/**
 * The daily timer (config.json `triggers`, 18:00 Beijing time): every due reminder of every org, each once,
 * by the same rule as `sendDueReminders`. Only members who subscribed have a reminder document at all.
 */
export async function remindOnTimer({ db, now }: TimerContext): Promise<{ sent: number; failed: number }> {
  return send(db, await checkinRemindersRepo.findAllDueReminders(db, now), now);
}

async function send(db: Db, due: readonly CheckinReminderDoc[], now: Date): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const reminder of due) {
    try {
      await cloud.openapi.subscribeMessage.send(reminderMessage(reminder));
    } catch {
      failed += 1;
      continue;
    }
    await checkinRemindersRepo.markReminderSent(db, reminder._id, now);
    sent += 1;
  }
  return { sent, failed };
}
