import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** China has had no daylight saving since 1991, so Asia/Shanghai is a fixed UTC+8. */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** The month (YYYY-MM) an instant falls in, in Asia/Shanghai: the product's calendar whatever the server's. */
export function monthOf(at: Date | number): string {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM');
}
