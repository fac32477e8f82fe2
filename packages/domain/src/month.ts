import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** China has had no daylight saving since 1991, so Asia/Shanghai is a fixed UTC+8. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** The month (YYYY-MM) an instant falls in, in Asia/Shanghai: the product's calendar whatever the server's. */
export function monthOf(at: Date | number): string {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM');
}

/** The instants a month (YYYY-MM, Asia/Shanghai) spans: `start` inclusive, `end` exclusive. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const start = dayjs.utc(`${month}-01T00:00:00Z`).subtract(SHANGHAI_OFFSET_MINUTES, 'minute');
  return { start: start.toDate(), end: start.add(1, 'month').toDate() };
}

/** The `count` months ending with `last` (inclusive), oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  const end = dayjs.utc(`${last}-01T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => end.subtract(count - 1 - i, 'month').format('YYYY-MM'));
}

/** Every month from `first` to `last` inclusive, oldest first (empty when first > last). */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let at = dayjs.utc(`${first}-01T00:00:00Z`); at.format('YYYY-MM') <= last; at = at.add(1, 'month'))
    months.push(at.format('YYYY-MM'));
  return months;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in Asia/Shanghai. */
export function shanghaiDay(at: Date | number): string {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD');
}
