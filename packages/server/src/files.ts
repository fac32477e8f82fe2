import * as cloud from 'wx-server-sdk';

/**
 * Cloud storage, the platform's way: files go up with `uploadFile` and are handed out as temporary URLs.
 * Only called from handlers, after `createFunction` has initialised the SDK.
 */
export async function uploadFile(cloudPath: string, content: Buffer): Promise<string> {
  const res = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  return res.fileID;
}

export async function downloadFile(fileID: string): Promise<Buffer> {
  const res = (await cloud.downloadFile({ fileID })) as { fileContent: Buffer };
  return res.fileContent;
}

/** A link the client can download from (valid for `maxAgeSeconds`). */
export async function temporaryUrl(fileID: string, maxAgeSeconds = 3600): Promise<string> {
  const res = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: maxAgeSeconds }] })) as {
    fileList: { fileID: string; tempFileURL: string; status?: number; errMsg?: string }[];
  };
  const url = res.fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temporary URL for ${fileID}: ${res.fileList[0]?.errMsg ?? 'unknown'}`);
  return url;
}

// The platform deletes at most 50 files per call.
const DELETE_BATCH = 50;
// -503003: the file does not exist (the platform's code for a missing file; devcloud answers the same).
const FILE_MISSING = -503003;

/**
 * Deletes stored files; answers the ids that are gone (deleted now, or missing already, so a re-run after a lost
 * reply counts them too). Only called from handlers and timers, after `createFunction` has initialised the SDK.
 */
export async function deleteFiles(fileIds: readonly string[]): Promise<Set<string>> {
  const gone = new Set<string>();
  for (let i = 0; i < fileIds.length; i += DELETE_BATCH) {
    // The typings allow `void` (callback style); without a callback it is always a promise.
    const res = (await cloud.deleteFile({ fileList: fileIds.slice(i, i + DELETE_BATCH) })) as {
      fileList: { fileID: string; status: number }[];
    };
    for (const file of res.fileList) if (file.status === 0 || file.status === FILE_MISSING) gone.add(file.fileID);
  }
  return gone;
}
