import type { studyContract } from '@zbxx/contracts';
import type { FunctionHandler } from '@zbxx/server';
import { previewOf } from '../material-preview';
import { requireAdmin } from '../scope';

/** 组织部: how a Markdown body will look in the reader, before saving. */
export const previewMaterial: FunctionHandler<typeof studyContract, 'previewMaterial'> = async ({ body }, { caller }) => {
  requireAdmin(caller);
  return previewOf(body);
};
