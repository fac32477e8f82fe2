import { useCallback, useState } from 'react';
import type { ExportResult } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { openFile } from '../services/open-file';
import { statsService } from '../services/stats';

export type ExportStep =
  | { kind: 'idle' }
  | { kind: 'generating' }
  | { kind: 'done'; result: ExportResult; opened: boolean }
  | { kind: 'error'; message: string };

export interface ExportDeps {
  exportWorkbook: (input: { nodeId?: string; fromMonth: string; toMonth: string }) => Promise<ExportResult>;
  open: (url: string, fileName: string) => Promise<void>;
}

const defaultDeps: ExportDeps = { exportWorkbook: statsService.exportWorkbook, open: openFile };

/** 导出 Excel: generate on the server (tens of seconds for a county), then open (weapp) or download (h5) the link. */
export function useStatsExport(deps: ExportDeps = defaultDeps) {
  const [step, setStep] = useState<ExportStep>({ kind: 'idle' });

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
    async (input: { nodeId?: string; fromMonth: string; toMonth: string }) => {
      if (input.fromMonth > input.toMonth) return setStep({ kind: 'error', message: '起始月份不能晚于结束月份' });
      setStep({ kind: 'generating' });
      try {
        const result = await deps.exportWorkbook(input);
        await open(result);
      } catch (error) {
        setStep({ kind: 'error', message: exportErrorMessage(toAppError(error)) });
      }
    },
    [deps, open],
  );

  return { step, generate, open };
}

/** A timeout here means the export outlived the wait, not a lost network: suggest a smaller scope. */
export function exportErrorMessage(error: AppError): string {
  if (error.code === 'NETWORK.TIMEOUT' || error.code === 'SYSTEM.TIMEOUT') return '生成时间过长，请缩短月份范围或选择下级组织后重试';
  return `导出失败：${error.message}`;
}
