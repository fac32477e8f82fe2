import { useCallback, useState } from 'react';
import type { MemberMonthRow, RemindResult } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { newRequestId } from '../services/request-id';
import { statsService } from '../services/stats';

export type RemindStep =
  | { kind: 'idle' }
  /** The confirm card: how many will be reminded, and how many of them can receive it (have a consent). */
  | { kind: 'confirm'; memberIds: string[]; consenting: number }
  | { kind: 'sending'; memberIds: string[] }
  | { kind: 'done'; result: RemindResult }
  /** The failed tap's requestId is kept: 重试 sends the same request, so nobody gets two messages. */
  | { kind: 'error'; error: AppError; memberIds: string[]; requestId: string };

export interface RemindDeps {
  remind: (input: { branchId?: string; month?: string; memberIds?: string[] }, requestId: string) => Promise<RemindResult>;
  newId?: () => string;
}

/** 催学: pick the members still missing something → confirm → send once → show what happened to each. */
export function useRemind(target: { branchId?: string; month: string }, onSent: () => void, deps: RemindDeps = statsService) {
  const [step, setStep] = useState<RemindStep>({ kind: 'idle' });
  const newId = deps.newId ?? newRequestId;

  const ask = useCallback((rows: readonly MemberMonthRow[]) => {
    const open = rows.filter((row) => row.missing.length > 0);
    setStep({ kind: 'confirm', memberIds: open.map((row) => row.memberId), consenting: open.filter((row) => row.canRemind).length });
  }, []);

  const send = useCallback(
    async (memberIds: string[], requestId: string) => {
      setStep({ kind: 'sending', memberIds });
      try {
        const result = await deps.remind({ branchId: target.branchId, month: target.month, memberIds }, requestId);
        setStep({ kind: 'done', result });
        onSent();
      } catch (error) {
        setStep({ kind: 'error', error: toAppError(error), memberIds, requestId });
      }
    },
    [deps, target.branchId, target.month, onSent],
  );

  const confirm = useCallback(async () => {
    if (step.kind === 'confirm') await send(step.memberIds, newId());
  }, [step, send, newId]);

  const retry = useCallback(async () => {
    if (step.kind === 'error') await send(step.memberIds, step.requestId);
  }, [step, send]);

  const close = useCallback(() => setStep({ kind: 'idle' }), []);
  return { step, ask, confirm, retry, close };
}
