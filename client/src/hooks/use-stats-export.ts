import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJob, ExportProgress, ExportResult } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { openFile } from '../services/open-file';
import { statsService } from '../services/stats';
import { useRequestIdFor } from './use-request-id';

export type ExportStep =
  | { kind: 'idle' }
  | { kind: 'generating'; progress: ExportProgress | null }
  | { kind: 'done'; result: ExportResult; opened: boolean }
  /** canRetry: a job was asked for (重试 resumes it); not for a range refused before any call. */
  | { kind: 'error'; message: string; progress: ExportProgress | null; canRetry: boolean };

export interface ExportInput {
  nodeId?: string;
  fromMonth: string;
  toMonth: string;
}

export interface ExportDeps {
  exportWorkbook: (input: ExportInput, requestId: string) => Promise<ExportJob>;
  exportStep: (exportId: string) => Promise<ExportJob>;
  open: (url: string, fileName: string) => Promise<void>;
  /** Pause before asking again when a step answered no progress (another step holds the job). */
  wait: (ms: number) => Promise<void>;
}

const defaultDeps: ExportDeps = {
  exportWorkbook: statsService.exportWorkbook,
  exportStep: statsService.exportStep,
  open: openFile,
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const BUSY_WAIT_MS = 3000;

/**
 * 导出 Excel as a server job: the first call starts it (a county year takes a dozen steps), each next call
 * does a step, the page shows 正在导出（3/14 步）…; then the file opens (weapp) or downloads (h5). A failed call
 * loses nothing: 重试 sends the same input with the same requestId, which finds the same job where it stopped.
 */
export function useStatsExport(deps: ExportDeps = defaultDeps) {
  const [step, setStep] = useState<ExportStep>({ kind: 'idle' });
  const requestIds = useRequestIdFor();
  const last = useRef<{ input: ExportInput; progress: ExportProgress | null } | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const open = useCallback(
    async (result: ExportResult) => {
      try {
        await deps.open(result.url, result.fileName);
        setStep({ kind: 'done', result, opened: true });
      } catch {
        // The file exists; only opening it failed (no document viewer, link expired): say so, keep 重新打开.
        setStep({ kind: 'done', result, opened: false });
      }
    },
    [deps],
  );

  const generate = useCallback(
    async (input: ExportInput) => {
      if (input.fromMonth > input.toMonth)
        return setStep({ kind: 'error', message: '起始月份不能晚于结束月份', progress: null, canRetry: false });
      const requestId = requestIds.idFor(input);
      const resumed = last.current?.input && JSON.stringify(last.current.input) === JSON.stringify(input) ? last.current.progress : null;
      last.current = { input, progress: resumed };
      setStep({ kind: 'generating', progress: resumed });
      try {
        let job = await deps.exportWorkbook(input, requestId);
        while (job.status === 'running') {
          if (!alive.current) return;
          const before = job.progress.done;
          last.current = { input, progress: job.progress };
          setStep({ kind: 'generating', progress: job.progress });
          job = await deps.exportStep(job.exportId);
          if (job.status === 'running' && job.progress.done === before) await deps.wait(BUSY_WAIT_MS);
        }
        requestIds.settle();
        last.current = null;
        await open({ fileId: job.fileId, url: job.url, fileName: job.fileName, bytes: job.bytes, sheets: job.sheets });
      } catch (error) {
        setStep({
          kind: 'error',
          message: exportErrorMessage(toAppError(error)),
          progress: last.current?.progress ?? null,
          canRetry: true,
        });
      }
    },
    [deps, open, requestIds],
  );

  /** 重试: the same input again, so the same requestId and the same job, resumed where it stopped. */
  const retry = useCallback(() => (last.current ? generate(last.current.input) : Promise.resolve()), [generate]);

  return { step, generate, retry, open };
}

/** 正在导出（3/14 步）… while the job runs; before its first answer, without counts. */
export function exportProgressText(progress: ExportProgress | null): string {
  return progress ? `正在导出（${progress.done}/${progress.total} 步）…` : '正在导出…';
}

/** A timeout or a lost network interrupts the waiting, not the job: what was done is kept for 重试. */
export function exportErrorMessage(error: AppError): string {
  if (error.code === 'NETWORK.TIMEOUT' || error.code === 'SYSTEM.TIMEOUT' || error.code === 'NETWORK.UNREACHABLE') {
    return '网络不稳定，导出暂停了。已完成的部分已保存，请点“重试”继续';
  }
  return `导出失败：${error.message}`;
}
