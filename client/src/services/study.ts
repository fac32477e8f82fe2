import { studyContract, type ImportDocumentInput, type ProgressReport, type SaveMaterialInput, type SavePlanInput } from '@zbxx/contracts';
import { callAction } from './transport';

/** 每月一学, typed by the contract. Reads retry by themselves; progress reports are idempotent by batch id. */
export const studyService = {
  overview: (month?: string) => callAction(studyContract, 'overview', month ? { month } : undefined),
  summary: () => callAction(studyContract, 'summary', undefined),
  openMaterial: (materialId: string) => callAction(studyContract, 'openMaterial', { materialId }),
  reportProgress: (reports: ProgressReport[]) => callAction(studyContract, 'reportProgress', { reports }),
  branchStatus: (branchId?: string, month?: string) =>
    callAction(studyContract, 'branchStatus', { ...(branchId ? { branchId } : {}), ...(month ? { month } : {}) }),
  listPlans: () => callAction(studyContract, 'listPlans', undefined),
  /** `requestId`: the same for a 重试 of the same create, so it is created once (see useRequestIdFor). */
  savePlan: (input: SavePlanInput, requestId?: string) => callAction(studyContract, 'savePlan', input, { write: true, requestId }),
  listMaterials: () => callAction(studyContract, 'listMaterials', undefined),
  getMaterialDraft: (materialId: string) => callAction(studyContract, 'getMaterialDraft', { materialId }),
  /** `requestId`: as for savePlan. */
  saveMaterial: (input: SaveMaterialInput, requestId?: string) =>
    callAction(studyContract, 'saveMaterial', input, { write: true, requestId }),
  previewMaterial: (body: string) => callAction(studyContract, 'previewMaterial', { body }),
  importDocument: (input: ImportDocumentInput) => callAction(studyContract, 'importDocument', input),
  uploadImage: (image: { fileName: string; base64: string }) => callAction(studyContract, 'uploadImage', image, { write: true }),
};
