import { COLLECTIONS } from '../collections';
import type { DocStore } from '../db';

/**
 * `importUploads`: one document per cloud-storage slot handed to an admin for a file to import, naming who
 * asked for it. An import by fileID reads only a slot of the caller's own, so no admin can make the server
 * read another admin's upload or an export.
 */
export interface ImportUploadDoc {
  _id: string;
  openid: string;
  cloudPath: string;
  createdAt: Date;
}

export async function recordUpload(store: DocStore, doc: ImportUploadDoc): Promise<void> {
  const { _id, ...data } = doc;
  await store.collection(COLLECTIONS.importUploads).doc(_id).set({ data });
}

export async function getUpload(store: DocStore, id: string): Promise<ImportUploadDoc | null> {
  const res = await store.collection(COLLECTIONS.importUploads).doc(id).get();
  return res.data as unknown as ImportUploadDoc | null;
}
