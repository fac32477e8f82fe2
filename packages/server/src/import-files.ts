import { ROSTER_FILE_MAX_BYTES, type RosterFile } from '@zbxx/contracts';
import { AppError } from './app-error';
import { downloadFile } from './files';
import type { Db } from './db';
import { newId } from './document-ids';
import { importUploadsRepo } from './repositories';

/** Where an admin's file for import goes: one slot per upload, named by its id. */
const SLOT_PATH = /^imports\/([A-Za-z0-9_-]{1,64})\.xlsx$/;
/** cloud://<env>.<bucket>/<cloudPath>: the path, or null when the id has another shape or walks upwards. */
const FILE_ID = /^cloud:\/\/[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+\/(.+)$/;

/** One answer for a file that is missing, elsewhere, malformed or someone else's: it reveals none of these. */
const NO_SUCH_FILE = () => new AppError('IMPORT.BAD_FILE', '找不到上传的文件，请重新选择文件上传');

/** A storage slot for one file to import, recorded as the caller's. */
export async function createImportSlot(db: Db, openid: string, now: Date, random: () => number): Promise<string> {
  const id = newId('up', random);
  const cloudPath = `imports/${id}.xlsx`;
  await importUploadsRepo.recordUpload(db, { _id: id, openid, cloudPath, createdAt: now });
  return cloudPath;
}

/**
 * The bytes of a file sent for import: inline (h5), or by fileID from a slot the caller was given
 * (createImportSlot). Anything else answers the same typed error, never SYSTEM.INTERNAL.
 */
export async function readImportFile(db: Db, openid: string, file: RosterFile): Promise<Buffer> {
  let content: Buffer;
  if ('fileID' in file) {
    const cloudPath = FILE_ID.exec(file.fileID)?.[1] ?? '';
    const slotId = SLOT_PATH.exec(cloudPath)?.[1];
    const slot = slotId ? await importUploadsRepo.getUpload(db, slotId) : null;
    if (!slot || slot.openid !== openid || slot.cloudPath !== cloudPath) throw NO_SUCH_FILE();
    content = await downloadFile(file.fileID).catch(() => {
      throw NO_SUCH_FILE();
    });
  } else {
    content = Buffer.from(file.base64, 'base64');
  }
  if (content.length > ROSTER_FILE_MAX_BYTES) {
    throw new AppError('IMPORT.BAD_FILE', `文件超过${ROSTER_FILE_MAX_BYTES / 1024 / 1024}MB，请分成几个文件导入`);
  }
  return content;
}
