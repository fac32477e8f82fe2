import { useMemo } from 'react';
import type { ImportPreview } from '@zbxx/contracts';
import { openFile } from '../services/open-file';
import { orgService } from '../services/org';
import { pickRosterFile } from '../services/pick-roster-file';
import { useSheetImport, type SheetImportStep } from './use-sheet-import';

export type ImportStep = SheetImportStep<ImportPreview, { added: number; updated: number }>;

export interface RosterImportDeps {
  pick: typeof pickRosterFile;
  service: Pick<typeof orgService, 'importPreview' | 'importCommit' | 'rosterTemplate'>;
  open: typeof openFile;
}

const defaultDeps: RosterImportDeps = { pick: pickRosterFile, service: orgService, open: openFile };

/** 导入花名册 (see useSheetImport): the done step counts people added and updated. */
export function useRosterImport(deps: RosterImportDeps = defaultDeps) {
  const ops = useMemo(
    () => ({
      pick: deps.pick,
      preview: deps.service.importPreview,
      commit: deps.service.importCommit,
      template: deps.service.rosterTemplate,
      open: deps.open,
      done: (result: { added: number; updated: number }) => ({ added: result.added, updated: result.updated }),
      changes: ['roster', 'orgTree'] as const,
    }),
    [deps],
  );
  return useSheetImport(ops);
}
