import { useCallback, useState } from 'react';
import type { QuestionImportPreview } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { openFile } from '../services/open-file';
import { pickRosterFile } from '../services/pick-roster-file';
import { quizService } from '../services/quiz';

export type QuestionImportStep =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; preview: QuestionImportPreview }
  | { kind: 'committing'; preview: QuestionImportPreview }
  | { kind: 'done'; added: number }
  | { kind: 'error'; error: AppError; preview?: QuestionImportPreview };

export interface QuestionImportDeps {
  pick: typeof pickRosterFile;
  service: Pick<typeof quizService, 'importPreview' | 'importCommit' | 'questionTemplate'>;
  open: typeof openFile;
}

const defaultDeps: QuestionImportDeps = { pick: pickRosterFile, service: quizService, open: openFile };

/** 导入题库: pick an .xlsx → the server's preview (nothing written) → confirm → written all at once. */
export function useQuestionImport(deps: QuestionImportDeps = defaultDeps) {
  const [step, setStep] = useState<QuestionImportStep>({ kind: 'idle' });

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

  const commit = useCallback(
    async (preview: QuestionImportPreview) => {
      setStep({ kind: 'committing', preview });
      try {
        setStep({ kind: 'done', added: (await deps.service.importCommit(preview.importId)).added });
      } catch (error) {
        setStep({ kind: 'error', error: toAppError(error), preview });
      }
    },
    [deps],
  );

  const downloadTemplate = useCallback(async () => {
    try {
      const { url, fileName } = await deps.service.questionTemplate();
      await deps.open(url, fileName);
    } catch (error) {
      setStep({ kind: 'error', error: toAppError(error) });
    }
  }, [deps]);

  return { step, pick, commit, downloadTemplate, reset: () => setStep({ kind: 'idle' }) };
}
