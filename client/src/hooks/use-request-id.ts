import { useMemo, useRef } from 'react';
import { newRequestId } from '../services/request-id';

/**
 * One requestId per intent: a 重试 of the same input reuses it, so a write whose reply was lost is answered
 * again instead of done twice; changed input, or a settled request, gets a new one.
 */
export function useRequestIdFor() {
  const pending = useRef<{ key: string; requestId: string } | null>(null);
  return useMemo(
    () => ({
      idFor(input: unknown): string {
        const key = JSON.stringify(input);
        if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() };
        return pending.current.requestId;
      },
      settle(): void {
        pending.current = null;
      },
    }),
    [],
  );
}
