import { studyContract } from '@zbxx/contracts';
import { createFunction } from '@zbxx/server';
import { branchStatus } from './actions/branch-status';
import { getMaterialDraft } from './actions/get-material-draft';
import { importDocument } from './actions/import-document';
import { listMaterials } from './actions/list-materials';
import { listPlans } from './actions/list-plans';
import { openMaterial } from './actions/open-material';
import { overview } from './actions/overview';
import { previewMaterial } from './actions/preview-material';
import { reportProgress } from './actions/report-progress';
import { saveMaterial } from './actions/save-material';
import { savePlan } from './actions/save-plan';
import { summary } from './actions/summary';
import { uploadImage } from './actions/upload-image';

/** 每月一学: members read the month's materials, secretaries see who did, 组织部 plans and authors them. */
export const main = createFunction(studyContract, {
  overview,
  summary,
  openMaterial,
  reportProgress,
  branchStatus,
  listPlans,
  savePlan,
  listMaterials,
  getMaterialDraft,
  saveMaterial,
  previewMaterial,
  importDocument,
  uploadImage,
});
