import * as cloud from 'wx-server-sdk';

// The platform deletes at most 50 files per call.
const DELETE_BATCH = 50;
// -503003: the file does not exist (the platform's code for a missing file; devcloud answers the same).
const FILE_MISSING = -503003;

/**
 * Deletes stored files; answers the ids that are gone (deleted now, or missing already, so a re-run after a lost
 * reply counts them too). Only called from the timer, after `createFunction` has initialised the SDK.
 */
export async function deleteFiles(fileIds: readonly string[]): Promise<Set<string>> {
  const gone = new Set<string>();
  for (let i = 0; i < fileIds.length; i += DELETE_BATCH) {
    // The typings allow `void` (callback style); without a callback it is always a promise.
    const res = (await cloud.deleteFile({ fileList: fileIds.slice(i, i + DELETE_BATCH) })) as { fileList: { fileID: string; status: number }[] };
    for (const file of res.fileList) if (file.status === 0 || file.status === FILE_MISSING) gone.add(file.fileID);
  }
  return gone;
}
