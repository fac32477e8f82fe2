const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The running month in Asia/Shanghai (YYYY-MM), whatever the phone's zone: months are the server's. */
export function shanghaiMonth(now: number = Date.now()): string {
  const local = new Date(now + SHANGHAI_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2026-01` shifted by -1 → `2025-12`. */
export function shiftMonth(month: string, delta: number): string {
  const year = Number(month.slice(0, 4));
  const mon = Number(month.slice(5, 7));
  const index = year * 12 + (mon - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
