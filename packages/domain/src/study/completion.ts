/**
 * When a study material counts as read (已完成): the member reached its end AND spent a plausible time on it
 * for its length. Time is what the server credits, never what the phone claims: each batch's dwell is capped
 * by the time the server itself saw pass since its last contact with that member about that material.
 * Time on page alone proves little; together with the end reached and a length-based floor it rules out
 * "open, jump to the bottom, close".
 */

/** A fast skim of Chinese text; careful reading runs at 5–8 characters a second. */
export const SKIM_CHARS_PER_SECOND = 15;
/** Seconds an image is worth a look. */
export const SECONDS_PER_IMAGE = 3;
/** Even the shortest text takes this long to read. */
export const MIN_PLAUSIBLE_SECONDS = 5;
/** Reading speed behind the suggested 预计阅读时间 (careful reading, 300 characters a minute). */
export const READING_CHARS_PER_MINUTE = 300;
/** The end counts as reached from here (0–1): the last lines may never scroll fully into view. */
export const END_REACHED_AT = 0.97;
/** Replayed batches are recognised among this many latest batch ids (older replays are still capped by time). */
export const REMEMBERED_BATCHES = 500;

export interface MaterialLength {
  textLength: number;
  imageCount: number;
}

export function plausibleReadingSeconds({ textLength, imageCount }: MaterialLength): number {
  return Math.max(MIN_PLAUSIBLE_SECONDS, Math.ceil(textLength / SKIM_CHARS_PER_SECOND) + imageCount * SECONDS_PER_IMAGE);
}

export function suggestedReadingMinutes({ textLength, imageCount }: MaterialLength): number {
  return Math.max(1, Math.round(textLength / READING_CHARS_PER_MINUTE + (imageCount * SECONDS_PER_IMAGE) / 60));
}

/** What the server keeps per member and material. Times are epoch milliseconds of the server's clock. */
export interface ReadingState {
  creditedSeconds: number;
  /** 0–1 */
  furthest: number;
  /** 0–1, where to resume. */
  position: number;
  /** The server's last contact about this material (opened or reported). */
  lastSeenAt: number;
  completedAt: number | null;
  /** Latest batch ids already applied, oldest first. */
  batchIds: string[];
}

export interface ReadingBatch {
  batchId: string;
  dwellSeconds: number;
  furthest: number;
  position: number;
}

export function newReadingState(now: number): ReadingState {
  return { creditedSeconds: 0, furthest: 0, position: 0, lastSeenAt: now, completedAt: null, batchIds: [] };
}

/** The member opened the material: the server's clock starts (or restarts) counting from here. */
export function markOpened(state: ReadingState, now: number): ReadingState {
  return { ...state, lastSeenAt: Math.max(state.lastSeenAt, now) };
}

export function isReadingComplete(state: Pick<ReadingState, 'furthest' | 'creditedSeconds'>, length: MaterialLength): boolean {
  return state.furthest >= END_REACHED_AT && state.creditedSeconds >= plausibleReadingSeconds(length);
}

export interface ApplyResult {
  state: ReadingState;
  /** Seconds credited by this call (0 when nothing new). */
  credited: number;
  /** Where the member's reading time has been handed out up to, after this material (epoch ms). */
  handedOutUntil: number;
  /** Batches applied now (not seen before). */
  applied: string[];
  /** Batches recognised as already applied: nothing changed for them. */
  replayed: string[];
}

/**
 * Applies the batches sent in one call, in order. Already-seen batch ids (and duplicates within the call) are
 * ignored. The dwell credited for the new ones together is at most the seconds the server saw pass since its
 * last contact, so a backlog sent after reading offline counts in full and a burst of invented batches counts
 * for nothing.
 *
 * Reading time is one resource per member: `handedOutSince` (epoch ms, null before the member's first report)
 * is how far the member's time has already been credited to some material. Only the time after it can be
 * credited here, so a stretch spent with several materials open counts once, for the first one reported.
 * The result's `handedOutUntil` is where the next material (in this call or the next) starts.
 */
export function applyReadingBatches(
  state: ReadingState,
  batches: readonly ReadingBatch[],
  length: MaterialLength,
  now: number,
  handedOutSince: number | null = null,
): ApplyResult {
  const seen = new Set(state.batchIds);
  const fresh: ReadingBatch[] = [];
  const replayed: string[] = [];
  for (const batch of batches) {
    if (seen.has(batch.batchId)) {
      replayed.push(batch.batchId);
      continue;
    }
    seen.add(batch.batchId);
    fresh.push(batch);
  }
  const last = fresh.at(-1);
  if (!last) return { state, applied: [], replayed, credited: 0, handedOutUntil: handedOutSince ?? now };

  const since = Math.max(state.lastSeenAt, handedOutSince ?? Number.NEGATIVE_INFINITY);
  const elapsedSeconds = Math.max(0, (now - since) / 1000);
  const claimedSeconds = fresh.reduce((sum, batch) => sum + Math.max(0, batch.dwellSeconds), 0);
  const credited = Math.min(claimedSeconds, elapsedSeconds);
  const creditedSeconds = state.creditedSeconds + credited;
  const furthest = Math.max(state.furthest, ...fresh.map((batch) => batch.furthest));
  const next: ReadingState = {
    creditedSeconds: Math.round(creditedSeconds * 10) / 10,
    furthest,
    position: last.position,
    lastSeenAt: Math.max(state.lastSeenAt, now),
    completedAt: state.completedAt,
    batchIds: [...state.batchIds, ...fresh.map((batch) => batch.batchId)].slice(-REMEMBERED_BATCHES),
  };
  if (next.completedAt === null && isReadingComplete(next, length)) next.completedAt = now;
  return {
    state: next,
    applied: fresh.map((batch) => batch.batchId),
    replayed,
    credited,
    handedOutUntil: Math.min(now, since + credited * 1000),
  };
}

export type ReadingStatus = 'unread' | 'reading' | 'completed';

export interface ReadingView {
  status: ReadingStatus;
  /** 0–100 */
  percent: number;
}

/** 未读 / 已读 x% / 已完成 */
export function readingView(state: Pick<ReadingState, 'furthest' | 'completedAt' | 'creditedSeconds'> | null): ReadingView {
  if (!state) return { status: 'unread', percent: 0 };
  if (state.completedAt !== null) return { status: 'completed', percent: 100 };
  const percent = Math.min(99, Math.floor(state.furthest * 100));
  return { status: percent > 0 || state.creditedSeconds > 0 ? 'reading' : 'unread', percent };
}
