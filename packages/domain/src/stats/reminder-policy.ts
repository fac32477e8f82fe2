/**
 * 催学: who may get a study reminder now, and what it says. WeChat one-time subscriptions (一次性订阅消息) allow one
 * message per consent, so a member is reminded only while an unused consent remains, and at most once per
 * Asia/Shanghai calendar day however many secretaries or timers try.
 */
import { shanghaiDay } from '../month';
import type { TaskKind } from './month-completion';

/** Days of the month the scheduled 催学 runs when no node of the subtree chose others. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [5, 15];

/** Whether the scheduled 催学 runs on the Asia/Shanghai day of `at` (the day of the month is in reminderDays). */
export function isReminderDay(reminderDays: readonly number[], at: Date): boolean {
  return reminderDays.includes(Number(shanghaiDay(at).slice(8, 10)));
}

export type ReminderSkip = 'complete' | 'notBound' | 'alreadyToday' | 'noConsent';

export interface ReminderCandidate {
  /** The month's required tasks still open (memberMonthStatus().missing). */
  missing: readonly TaskKind[];
  /** Bound to a WeChat user: there is an openid to send to. */
  bound: boolean;
  /** Unused one-time consents. */
  credits: number;
  /** The Shanghai day (shanghaiDay()) of the member's latest reminder, if any. */
  lastRemindedDay: string | null;
}

/**
 * `send`, or why not. Already-reminded comes before no-consent: today's send used the consent up, and
 * "already today" is what the secretary needs to hear.
 */
export function reminderVerdict(candidate: ReminderCandidate, today: string): 'send' | ReminderSkip {
  if (candidate.missing.length === 0) return 'complete';
  if (!candidate.bound) return 'notBound';
  if (candidate.lastRemindedDay === today) return 'alreadyToday';
  if (candidate.credits < 1) return 'noConsent';
  return 'send';
}

/** What each open task is called in a reminder. */
export const REMINDER_TASK_LABELS: Readonly<Record<TaskKind, string>> = { study: '每月一学', quiz: '法规答题', partyDay: '主题党日' };

/** A subscribe message's `thing` value holds at most 20 characters. */
export const THING_MAX = 20;

export function fitThing(text: string): string {
  const chars = [...text];
  return chars.length > THING_MAX ? `${chars.slice(0, THING_MAX - 1).join('')}…` : text;
}

/** The `data` of the 催学 subscribe message (template STUDY_REMINDER_TEMPLATE_ID: thing1 任务, thing2 未完成, thing3 提示). */
export function studyReminderData(month: string, missing: readonly TaskKind[]): Record<'thing1' | 'thing2' | 'thing3', { value: string }> {
  const [year, mm] = month.split('-');
  return {
    thing1: { value: fitThing(`${year}年${Number(mm)}月支部学习任务`) },
    thing2: { value: fitThing(missing.map((task) => REMINDER_TASK_LABELS[task]).join('、')) },
    thing3: { value: fitThing('请在本月内完成，点此查看') },
  };
}
