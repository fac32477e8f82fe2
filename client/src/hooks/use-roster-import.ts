import { useCallback, useState } from 'react';
import type { ImportPreview } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { openFile } from '../services/open-file';
import { orgService } from '../services/org';
import { pickRosterFile } from '../services/pick-roster-file';

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'committing'; preview: ImportPreview }
  | { kind: 'done'; added: number; updated: number }
  | { kind: 'error'; error: AppError; preview?: ImportPreview };

export interface RosterImportDeps {
  pick: typeof pickRosterFile;
  service: Pick<typeof orgService, 'importPreview' | 'importCommit' | 'rosterTemplate'>;
  open: typeof openFile;
}

const defaultDeps: RosterImportDeps = { pick: pickRosterFile, service: orgService, open: openFile };

/**
 * 导入花名册: pick a file → the server's preview (nothing written) → the admin confirms → the import is
 * written all at once. A failed confirmation keeps the preview, so 重试 commits the same import again.
 */
export function useRosterImport(deps: RosterImportDeps = defaultDeps) {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  const [templateBusy, setTemplateBusy] = useState(false);

  const pick = useCallback(async () => {
    try {
      const file = await deps.pick();
      if (!file) return;
      setStep({ kind: 'reading' });
      setStep({ kind: 'preview', preview: await deps.service.importPreview(file) });
    } catch (error) {
      setStep({ kind: 'error', error: toAppError(error) });
    }
  }, [deps]);

  const commit = useCallback(async (preview: ImportPreview) => {
    setStep({ kind: 'committing', preview });
    try {
      const result = await deps.service.importCommit(preview.importId);
      setStep({ kind: 'done', added: result.added, updated: result.updated });
    } catch (error) {
      setStep({ kind: 'error', error: toAppError(error), preview });
    }
  }, [deps]);

  const downloadTemplate = useCallback(async () => {
    setTemplateBusy(true);
    try {
      const { url, fileName } = await deps.service.rosterTemplate();
      await deps.open(url, fileName);
    } catch (error) {
      setStep({ kind: 'error', error: toAppError(error) });
    } finally {
      setTemplateBusy(false);
    }
  }, [deps]);

  const reset = useCallback(() => setStep({ kind: 'idle' }), []);
  return { step, pick, commit, reset, downloadTemplate, templateBusy };
}
