import { useCallback, useState } from 'react';
import { notifyChanged, type DataTopic } from '../lib/data-changes';
import { toAppError, type AppError } from '../services/app-error';

export type SheetImportStep<P, D> =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: P }
  | { kind: 'committing'; preview: P }
  | ({ kind: 'done' } & D)
  | { kind: 'error'; error: AppError; preview?: P };

export interface SheetImportOps<F, P, R, D> {
  pick(): Promise<F | null>;
  preview(file: F): Promise<P>;
  commit(importId: string): Promise<R>;
  template(): Promise<{ url: string; fileName: string }>;
  open(url: string, fileName: string): Promise<unknown>;
  /** What the done step shows of the commit's result. */
  done(result: R): D;
  /** The data a committed import changed: views showing it reload (bank totals, roster counts). */
  changes: readonly DataTopic[];
}

/**
 * An Excel import as the admin sees it: pick a file → the server's preview (nothing written) → confirm →
 * written all at once. A failed confirmation keeps the preview, so 重试 commits the same import again.
 */
export function useSheetImport<F, P extends { importId: string }, R, D>(ops: SheetImportOps<F, P, R, D>) {
  const [step, setStep] = useState<SheetImportStep<P, D>>({ kind: 'idle' });
  const [templateBusy, setTemplateBusy] = useState(false);

  const pick = useCallback(async () => {
    try {
      const file = await ops.pick();
      if (!file) return;
      setStep({ kind: 'reading' });
      setStep({ kind: 'preview', preview: await ops.preview(file) });
    } catch (error) {
      setStep({ kind: 'error', error: toAppError(error) });
    }
  }, [ops]);

  const commit = useCallback(
    async (preview: P) => {
      setStep({ kind: 'committing', preview });
      try {
        setStep({ kind: 'done', ...ops.done(await ops.commit(preview.importId)) });
        notifyChanged(...ops.changes);
      } catch (error) {
        setStep({ kind: 'error', error: toAppError(error), preview });
      }
    },
    [ops],
  );

  const downloadTemplate = useCallback(async () => {
    setTemplateBusy(true);
    try {
      const { url, fileName } = await ops.template();
      await ops.open(url, fileName);
    } catch (error) {
      setStep({ kind: 'error', error: toAppError(error) });
    } finally {
      setTemplateBusy(false);
    }
  }, [ops]);

  const reset = useCallback(() => setStep({ kind: 'idle' }), []);
  return { step, pick, commit, reset, downloadTemplate, templateBusy };
}
