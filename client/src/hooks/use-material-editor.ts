import { useCallback, useState } from 'react';
import type { MaterialPreview, SaveMaterialInput } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { pickDocument } from '../services/pick-document';
import { studyService } from '../services/study';

export interface MaterialDraft {
  materialId?: string;
  title: string;
  source: string;
  estimatedMinutes: number;
  body: string;
}

const EMPTY: MaterialDraft = { title: '', source: '', estimatedMinutes: 5, body: '' };

/**
 * 组织部 authoring: edit a draft, import .docx/.md into it (shown as a preview, nothing saved), preview, save.
 */
export function useMaterialEditor(orgId: string | undefined, onSaved: () => void) {
  const [draft, setDraft] = useState<MaterialDraft | null>(null);
  const [preview, setPreview] = useState<MaterialPreview | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    draft,
    preview,
    warnings,
    error,
    busy,
    startNew: () => {
      setDraft({ ...EMPTY });
      setPreview(null);
      setWarnings([]);
    },
    edit: (materialId: string) =>
      run(async () => {
        const { material } = await studyService.getMaterialDraft(materialId);
        setDraft({ materialId, title: material.title, source: material.source, estimatedMinutes: material.estimatedMinutes, body: material.body });
        setPreview(null);
      }),
    close: () => setDraft(null),
    change: (patch: Partial<MaterialDraft>) => setDraft((current) => (current ? { ...current, ...patch } : current)),
    importFile: () =>
      run(async () => {
        const picked = await pickDocument();
        if (!picked) return;
        const imported = await studyService.importDocument(picked);
        setDraft((current) => ({ ...(current ?? EMPTY), title: imported.title, body: imported.body, estimatedMinutes: imported.suggestedMinutes }));
        setPreview(imported);
        setWarnings(imported.warnings);
      }),
    showPreview: () =>
      run(async () => {
        if (draft) setPreview(await studyService.previewMaterial(draft.body));
      }),
    save: () =>
      run(async () => {
        if (!draft || !orgId) return;
        const input: SaveMaterialInput = { ...draft, orgId };
        await studyService.saveMaterial(input);
        setDraft(null);
        setPreview(null);
        onSaved();
      }),
  };
}
