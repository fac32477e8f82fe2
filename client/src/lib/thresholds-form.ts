import type { RateMetric, Thresholds } from '@zbxx/contracts';
import { RATE_METRICS } from './stats-format';

/** What the settings form holds: the text of each field as typed. */
export interface ThresholdsForm {
  thresholds: Record<RateMetric, string>;
  /** Days of the month for the scheduled 催学, e.g. "5, 15". */
  reminderDays: string;
}

export type ParsedThresholds = { ok: true; thresholds: Thresholds; reminderDays: number[] } | { ok: false; message: string };

export function toThresholdsForm(thresholds: Thresholds, reminderDays: readonly number[]): ThresholdsForm {
  return {
    thresholds: Object.fromEntries(RATE_METRICS.map(({ key }) => [key, String(thresholds[key])])) as Record<RateMetric, string>,
    reminderDays: reminderDays.join(', '),
  };
}

const MAX_REMINDER_DAYS = 10;

/** Checks the form the way the contract will, with a message naming the field in Chinese. */
export function parseThresholdsForm(form: ThresholdsForm): ParsedThresholds {
  const thresholds = {} as Thresholds;
  for (const { key, label } of RATE_METRICS) {
    const text = form.thresholds[key].trim();
    const value = Number(text);
    if (!/^\d{1,3}$/.test(text) || value > 100) return { ok: false, message: `${label}的达标线请填写 0 到 100 之间的整数` };
    thresholds[key] = value;
  }
  const parts = form.reminderDays.split(/[\s,，、;；]+/).filter((part) => part !== '');
  const days = new Set<number>();
  for (const part of parts) {
    const day = Number(part);
    if (!/^\d{1,2}$/.test(part) || day < 1 || day > 28) return { ok: false, message: '自动催学日请填写 1 到 28 之间的日期，如：5, 15' };
    days.add(day);
  }
  if (days.size > MAX_REMINDER_DAYS) return { ok: false, message: `自动催学日最多 ${MAX_REMINDER_DAYS} 天` };
  return { ok: true, thresholds, reminderDays: [...days].sort((a, b) => a - b) };
}
