import { useMemo } from 'react';
import type { QuestionImportPreview } from '@zbxx/contracts';
import { openFile } from '../services/open-file';
import { pickRosterFile } from '../services/pick-roster-file';
import { quizService } from '../services/quiz';
import { useSheetImport, type SheetImportStep } from './use-sheet-import';

export type QuestionImportStep = SheetImportStep<QuestionImportPreview, { added: number }>;

export interface QuestionImportDeps {
  pick: typeof pickRosterFile;
  service: Pick<typeof quizService, 'importPreview' | 'importCommit' | 'questionTemplate'>;
  open: typeof openFile;
}

const defaultDeps: QuestionImportDeps = { pick: pickRosterFile, service: quizService, open: openFile };

/** 导入题库 (see useSheetImport): the done step counts questions added. */
export function useQuestionImport(deps: QuestionImportDeps = defaultDeps) {
  const ops = useMemo(
    () => ({
      pick: deps.pick,
      preview: deps.service.importPreview,
      commit: deps.service.importCommit,
      template: deps.service.questionTemplate,
      open: deps.open,
      done: (result: { added: number }) => ({ added: result.added }),
      changes: ['questionBank'] as const,
    }),
    [deps],
  );
  return useSheetImport(ops);
}
