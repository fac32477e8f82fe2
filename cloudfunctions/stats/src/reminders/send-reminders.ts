import { STUDY_REMINDER_TEMPLATE_ID, type RemindResult, type TaskKind } from '@zbxx/contracts';
import { reminderVerdict, shanghaiDay, studyReminderData } from '@zbxx/domain';
import { reminderConsentsRepo, studyRemindersRepo, type Db } from '@zbxx/server';
import * as cloud from 'wx-server-sdk';

export type RemindOutcome = RemindResult['results'][number]['outcome'];

/** A member whose month status is known. */
export interface RemindTarget {
  memberId: string;
  name: string;
  /** The branch the member counts in for the month. */
  branchId: string;
  /** Absent until the member binds WeChat. */
  openid: string | null;
  missing: readonly TaskKind[];
}

export interface RemindRun {
  month: string;
  now: Date;
  by: 'secretary' | 'schedule';
  byMemberId?: string;
  requestId: string;
}

/** The member's own study page, where the month's tasks are. */
const REMINDER_PAGE = 'pages/study/index';
/** WeChat: the user has no (more) consent to this template. */
const NO_SUBSCRIPTION = 43101;
// `_.in` lists stay well inside one request's limits at this size.
const IDS_PER_QUERY = 500;

/**
 * Reminds each target by the once-a-day, consent-only rule (domain `reminderVerdict`). State is read with two
 * queries for everyone; each send then claims the day and takes a consent in one transaction, re-checking both,
 * so concurrent callers cannot both send. A send already recorded under the same requestId (a retried request)
 * answers `sent` again without sending.
 */
export async function remindMembers(db: Db, targets: readonly RemindTarget[], run: RemindRun): Promise<RemindOutcome[]> {
  const today = shanghaiDay(run.now);
  const reachable = targets.filter((t) => t.missing.length > 0 && t.openid).map((t) => t.memberId);
  const credits = new Map<string, number>();
  const sentToday = new Map<string, studyRemindersRepo.StudyReminderDoc>();
  for (let i = 0; i < reachable.length; i += IDS_PER_QUERY) {
    const ids = reachable.slice(i, i + IDS_PER_QUERY);
    const [found, reminders] = await Promise.all([
      reminderConsentsRepo.findCredits(db, ids),
      studyRemindersRepo.findRemindersOnDay(db, ids, today),
    ]);
    for (const [id, n] of found) credits.set(id, n);
    for (const reminder of reminders) sentToday.set(reminder.memberId, reminder);
  }

  const outcomes: RemindOutcome[] = [];
  for (const target of targets) {
    const earlier = sentToday.get(target.memberId);
    if (earlier && earlier.requestId === run.requestId) {
      outcomes.push('sent');
      continue;
    }
    const verdict = reminderVerdict(
      {
        missing: target.missing,
        bound: Boolean(target.openid),
        credits: credits.get(target.memberId) ?? 0,
        lastRemindedDay: earlier ? today : null,
      },
      today,
    );
    outcomes.push(verdict === 'send' ? await sendOne(db, target, run, today) : verdict);
  }
  return outcomes;
}

async function sendOne(db: Db, target: RemindTarget, run: RemindRun, today: string): Promise<RemindOutcome> {
  const id = studyRemindersRepo.studyReminderId(target.memberId, today);
  const claim = await db.runTransaction(async (tx): Promise<RemindOutcome | 'claimed'> => {
    const existing = await studyRemindersRepo.getStudyReminder(tx, id);
    if (existing) return existing.requestId === run.requestId ? 'sent' : 'alreadyToday';
    const consent = await reminderConsentsRepo.getConsent(tx, target.memberId);
    if (!consent || consent.credits < 1) return 'noConsent';
    await reminderConsentsRepo.putConsent(tx, { ...consent, credits: consent.credits - 1, updatedAt: run.now });
    await studyRemindersRepo.putStudyReminder(tx, {
      _id: id,
      memberId: target.memberId,
      branchId: target.branchId,
      month: run.month,
      day: today,
      sentAt: run.now,
      missing: [...target.missing],
      by: run.by,
      ...(run.byMemberId ? { byMemberId: run.byMemberId } : {}),
      requestId: run.requestId,
    });
    return 'claimed';
  });
  if (claim !== 'claimed') return claim;

  try {
    await cloud.openapi.subscribeMessage.send({
      touser: target.openid as string,
      templateId: STUDY_REMINDER_TEMPLATE_ID,
      page: REMINDER_PAGE,
      data: studyReminderData(run.month, target.missing),
    });
    return 'sent';
  } catch (error) {
    await releaseClaim(db, target.memberId, id, error, run.now);
    return 'failed';
  }
}

/**
 * WeChat refused the message: nothing was delivered, so the day stays free and the consent comes back, unless
 * WeChat says the member has no consent left (then there is none to give back).
 */
async function releaseClaim(db: Db, memberId: string, id: string, error: unknown, now: Date): Promise<void> {
  const noSubscription = (error as { errCode?: unknown } | null)?.errCode === NO_SUBSCRIPTION;
  await db.runTransaction(async (tx) => {
    await studyRemindersRepo.removeStudyReminder(tx, id);
    const consent = await reminderConsentsRepo.getConsent(tx, memberId);
    if (consent)
      await reminderConsentsRepo.putConsent(tx, { ...consent, credits: noSubscription ? 0 : consent.credits + 1, updatedAt: now });
  });
}

/** The reply of `remind`: every member's outcome and the count of each. */
export function remindResult(month: string, targets: readonly RemindTarget[], outcomes: readonly RemindOutcome[]): RemindResult {
  const counts: RemindResult['counts'] = { sent: 0, alreadyToday: 0, noConsent: 0, complete: 0, notBound: 0, failed: 0 };
  const results = targets.map((target, i) => {
    const outcome = outcomes[i] ?? 'failed';
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    return { memberId: target.memberId, name: target.name, outcome };
  });
  return { month, counts, results };
}
