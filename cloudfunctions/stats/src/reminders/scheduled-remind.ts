import { DEFAULT_REMINDER_DAYS, isReminderDay, memberMonthStatus, monthOf, shanghaiDay } from '@zbxx/domain';
import {
  COLLECTIONS,
  loadMonthRequirements,
  memberFactsStages,
  membersRepo,
  reminderConsentsRepo,
  runPipeline,
  statsSettingsRepo,
  toFactsRow,
  type Db,
  type MemberDoc,
  type StatsSettingsDoc,
  type TimerContext,
} from '@zbxx/server';
import { remindMembers, type RemindOutcome, type RemindTarget } from './send-reminders';

export interface ScheduledRemindSummary {
  day: string;
  /** Consenting, bound members whose subtree reminds today. */
  due: number;
  counts: Partial<Record<RemindOutcome, number>>;
  /** Left for a re-run of the timer today (the run stopped before the function's time limit). */
  deferred: number;
}

// Consents are the members who asked for reminders: a county's share of its 20,000 members.
const MAX_CONSENTING = 5000;
const CONSENT_PAGE = 1000;
const FACTS_CHUNK = 500;
const SEND_CHUNK = 50;
// config.json gives the function 60 s; stop starting sends well before.
const SEND_BUDGET_MS = 45_000;

/**
 * The daily timer (config.json trigger `scheduledRemind`, 09:00 Beijing time): members who hold an unused
 * consent, whose subtree's reminder days (statsSettings, the nearest node's, default 5 and 15) include today,
 * and who still miss a task of the month, get one 催学, by the same once-a-day rule as a secretary's. Starting
 * from the consents keeps the work proportional to who can be reminded, not to the county. The day is the
 * trigger's own time, so a re-run of today's trigger continues where it stopped and sends nothing twice.
 */
export async function scheduledRemindOnTimer({ trigger, db, now }: TimerContext): Promise<ScheduledRemindSummary> {
  const startedAt = Date.now();
  const fired = new Date(trigger.Time);
  const at = Number.isNaN(fired.getTime()) ? now : fired;
  const day = shanghaiDay(at);
  const month = monthOf(at);
  const summary: ScheduledRemindSummary = { day, due: 0, counts: {}, deferred: 0 };

  const consenting = await findConsentingMembers(db);
  const bound = (await membersRepo.findMembersByIds(db, consenting)).filter((m) => m.openid);
  const settings = await findSettingsOfPaths(
    db,
    bound.map((m) => m.orgPath),
  );
  const due = bound.filter((m) => isReminderDay(reminderDaysOf(m.orgPath, settings), at));
  summary.due = due.length;

  const targets = await openTasksOf(db, due, month, at);
  for (let i = 0; i < targets.length; i += SEND_CHUNK) {
    if (Date.now() - startedAt > SEND_BUDGET_MS) {
      summary.deferred = targets.length - i;
      break;
    }
    const chunk = targets.slice(i, i + SEND_CHUNK);
    const outcomes = await remindMembers(db, chunk, { month, now: at, by: 'schedule', requestId: `schedule-${day}` });
    for (const outcome of outcomes) summary.counts[outcome] = (summary.counts[outcome] ?? 0) + 1;
  }
  return summary;
}

async function findConsentingMembers(db: Db): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; ids.length < MAX_CONSENTING; page += 1) {
    const found = await reminderConsentsRepo.findMembersWithCredits(db, page, CONSENT_PAGE);
    ids.push(...found);
    if (found.length < CONSENT_PAGE) break;
  }
  return ids.slice(0, MAX_CONSENTING);
}

async function findSettingsOfPaths(db: Db, paths: readonly (readonly string[])[]): Promise<Map<string, StatsSettingsDoc>> {
  const nodes = [...new Set(paths.flat())];
  const found = new Map<string, StatsSettingsDoc>();
  for (let i = 0; i < nodes.length; i += 100) {
    for (const doc of await statsSettingsRepo.findSettingsOnPath(db, nodes.slice(i, i + 100))) found.set(doc._id, doc);
  }
  return found;
}

/** The reminder days of the nearest node on the path (the branch first) that set them. */
function reminderDaysOf(orgPath: readonly string[], settings: ReadonlyMap<string, StatsSettingsDoc>): readonly number[] {
  for (let i = orgPath.length - 1; i >= 0; i -= 1) {
    const days = settings.get(orgPath[i] ?? '')?.reminderDays;
    if (days) return days;
  }
  return DEFAULT_REMINDER_DAYS;
}

/**
 * The due members' open tasks of the month, by the domain's rule over the stats month facts: the month's
 * requirements once per county, then the facts of just these members (their ids narrow the first stage).
 */
async function openTasksOf(db: Db, due: readonly MemberDoc[], month: string, now: Date): Promise<RemindTarget[]> {
  const byRoot = new Map<string, MemberDoc[]>();
  for (const member of due) {
    const root = member.orgPath[0];
    if (root) byRoot.set(root, [...(byRoot.get(root) ?? []), member]);
  }
  const targets: RemindTarget[] = [];
  for (const [root, members] of byRoot) {
    const { req, requiredMaterialIds, roundIds } = await loadMonthRequirements(
      db,
      { nodeId: root, nodePath: [root], isBranch: false },
      month,
    );
    const byId = new Map(members.map((m) => [m._id, m]));
    for (let i = 0; i < members.length; i += FACTS_CHUNK) {
      const ids = members.slice(i, i + FACTS_CHUNK).map((m) => m._id);
      // The running month has no transfers after its end: where members are now is where they count.
      const docs = await runPipeline(db, COLLECTIONS.members, [
        { $match: { _id: { $in: ids } } },
        ...memberFactsStages(db, { month, nodeId: root, requiredMaterialIds, roundIds, now }, []),
      ]);
      for (const row of docs.map(toFactsRow)) {
        const member = byId.get(row.memberId);
        if (!member) continue;
        const { missing } = memberMonthStatus(row, req);
        if (missing.length > 0)
          targets.push({ memberId: row.memberId, name: row.name, branchId: row.branchId, openid: member.openid ?? null, missing });
      }
    }
  }
  return targets;
}
