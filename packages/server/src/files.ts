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
