import { isPlainObject } from '../protocol/ejson';

/**
 * `db.serverDate({ offset })` travels as `{ "$tcb_server_date": { "offset": ms } }` anywhere in a query,
 * update or document; the server replaces it with its own clock (plus offset) before evaluating.
 */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = resolveServerDates(value[i], now);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const marker = value.$tcb_server_date;
  if (isPlainObject(marker) && Object.keys(value).length === 1) {
    return new Date(now + (typeof marker.offset === 'number' ? marker.offset : 0));
  }
  for (const key of Object.keys(value)) value[key] = resolveServerDates(value[key], now);
  return value;
}
