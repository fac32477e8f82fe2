import { ROSTER_INLINE_MAX_BYTES, type RosterFile } from '@zbxx/contracts';
import { AppError } from './app-error';
import { pickFile } from './pick-file';

/**
 * Browser: the .xlsx travels base64-encoded in the importPreview event (devcloud has no client upload in
 * h5). The size limit keeps the event under the gateway's 1 MB.
 */
export async function pickRosterFile(): Promise<RosterFile | null> {
  const file = await pickFile({ extensions: ['xlsx'], testId: 'roster-file-input' });
  if (!file) return null;
  if (file.size > ROSTER_INLINE_MAX_BYTES) {
    throw new AppError('IMPORT.BAD_FILE', `文件超过${Math.floor(ROSTER_INLINE_MAX_BYTES / 1024)}KB，请分成几个文件导入`);
  }
  const base64 = await file.readBase64().catch(() => {
    throw new AppError('IMPORT.BAD_FILE', '文件读取失败，请重新选择');
  });
  return { fileName: file.name, base64 };
}
