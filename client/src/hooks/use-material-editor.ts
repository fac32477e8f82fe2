import { useCallback, useState } from 'react';
import type { MaterialPreview, SaveMaterialInput } from '@zbxx/contracts';
import { toAppError, type AppError } from '../services/app-error';
import { pickDocument } from '../services/pick-document';
import { pickImage } from '../services/pick-image';
import { studyService } from '../services/study';
import { useRequestIdFor } from './use-request-id';

export interface MaterialDraft {
  materialId?: string;
  /** The org that owns the material (one of the admin's subtree roots). */
  orgId: string;
  title: string;
  source: string;
  estimatedMinutes: number;
  body: string;
}

const EMPTY = { title: '', source: '', estimatedMinutes: 5, body: '' };

/**
 * 组织部 authoring: edit a draft, import .docx/.md into it (shown as a preview, nothing saved), insert
 * pictures (stored in cloud storage, referenced by fileID), preview, save.
 */
export function useMaterialEditor(defaultOrgId: string | undefined, onSaved: () => void) {
  const [draft, setDraft] = useState<MaterialDraft | null>(null);
  const [preview, setPreview] = useState<MaterialPreview | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // 重试 of the same draft after a network failure keeps its requestId, so the material is created once.
  const request = useRequestIdFor();

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
      setDraft({ ...EMPTY, orgId: defaultOrgId ?? '' });
      setPreview(null);
      setWarnings([]);
    },
    edit: (materialId: string) =>
      run(async () => {
        const { material } = await studyService.getMaterialDraft(materialId);
        setDraft({
          materialId,
          orgId: material.org.id,
          title: material.title,
          source: material.source,
          estimatedMinutes: material.estimatedMinutes,
          body: material.body,
        });
        setPreview(null);
      }),
    close: () => setDraft(null),
    change: (patch: Partial<MaterialDraft>) => setDraft((current) => (current ? { ...current, ...patch } : current)),
    importFile: () =>
      run(async () => {
        const picked = await pickDocument();
        if (!picked) return;
        const imported = await studyService.importDocument(picked);
        setDraft((current) => ({
          ...(current ?? { ...EMPTY, orgId: defaultOrgId ?? '' }),
          title: imported.title,
          body: imported.body,
          estimatedMinutes: imported.suggestedMinutes,
        }));
        setPreview(imported);
        setWarnings(imported.warnings);
      }),
    insertImage: () =>
      run(async () => {
        const image = await pickImage();
        if (!image) return;
        const { fileID } = await studyService.uploadImage(image);
        // Appended as its own paragraph; the admin can move the line where it belongs.
        setDraft((current) => (current ? { ...current, body: `${current.body.trimEnd()}\n\n![图片](${fileID})\n` } : current));
      }),
    showPreview: () =>
      run(async () => {
        if (draft) setPreview(await studyService.previewMaterial(draft.body));
      }),
    save: () =>
      run(async () => {
        if (!draft?.orgId) return;
        const input: SaveMaterialInput = { ...draft };
        await studyService.saveMaterial(input, request.idFor(input));
        request.settle();
        setDraft(null);
        setPreview(null);
        onSaved();
      }),
  };
}
