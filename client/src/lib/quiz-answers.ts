import type { QuizQuestionType } from '@zbxx/contracts';

export type AnswerMap = Record<string, string[]>;

/** A tap on an option: single choice and true/false replace the choice, multiple choice toggles it. */
export function toggleChoice(current: readonly string[] | undefined, label: string, type: QuizQuestionType): string[] {
  if (type !== 'multiple') return [label];
  const chosen = new Set(current ?? []);
  if (chosen.has(label)) chosen.delete(label);
  else chosen.add(label);
  return [...chosen].sort();
}

export function answeredCount(answers: AnswerMap): number {
  return Object.values(answers).filter((labels) => labels.length > 0).length;
}

/** Seconds left before the server's deadline, measured on the phone's clock corrected by the server's. */
export function secondsLeft(deadline: string, clockOffsetMs: number, phoneNow: number): number {
  return Math.max(0, Math.floor((new Date(deadline).getTime() - (phoneNow + clockOffsetMs)) / 1000));
}

/** 12:05 */
export function formatCountdown(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A round's time limit: 20分钟, or 8分20秒 when it is not whole minutes. */
export function formatTimeLimit(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60}分钟` : formatDuration(seconds);
}

/** 8分20秒 */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}分${seconds % 60}秒` : `${seconds}秒`;
}

export const QUESTION_TYPE_NAMES: Record<QuizQuestionType, string> = { single: '单选题', multiple: '多选题', trueFalse: '判断题' };
