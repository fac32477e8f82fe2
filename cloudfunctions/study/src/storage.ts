import { createHash } from 'node:crypto';
import * as cloud from 'wx-server-sdk';

/**
 * Cloud storage for material images. Only this module touches `cloud.uploadFile` / `getTempFileURL`; the
 * function's entry has initialised the SDK before any handler runs.
 */
export async function uploadImage(bytes: Buffer, extension: string): Promise<string> {
  // Named by content: importing the same document twice stores each picture once.
  const name = createHash('sha256').update(bytes).digest('hex').slice(0, 24);
  const res = await cloud.uploadFile({ cloudPath: `study-images/${name}.${extension.toLowerCase()}`, fileContent: bytes });
  return res.fileID;
}

/** Download URLs for fileIDs (the platform answers up to 50 per call). */
export async function temporaryUrls(fileIds: readonly string[]): Promise<Record<string, string>> {
  const urls: Record<string, string> = {};
  for (let i = 0; i < fileIds.length; i += 50) {
    const list = fileIds.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: 24 * 3600 }));
    // The typings allow `void` (callback style); without a callback it is always a promise.
    const res = (await cloud.getTempFileURL({ fileList: list })) as { fileList: { fileID: string; tempFileURL?: string }[] };
    for (const file of res.fileList) if (file.tempFileURL) urls[file.fileID] = file.tempFileURL;
  }
  return urls;
}
