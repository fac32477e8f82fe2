import Taro from '@tarojs/taro';
import { ROSTER_FILE_MAX_BYTES, type RosterFile } from '@zbxx/contracts';
import { AppError } from './app-error';
import { orgService } from './org';
import { pickFile } from './pick-file';

/** Mini-program: an .xlsx from a WeChat chat, uploaded to a slot the org function gives; the import reads it by fileID. */
export async function pickRosterFile(): Promise<RosterFile | null> {
  const file = await pickFile({ extensions: ['xlsx'] });
  if (!file?.tempPath) return null;
  if (file.size > ROSTER_FILE_MAX_BYTES) {
    throw new AppError('IMPORT.BAD_FILE', `文件超过${ROSTER_FILE_MAX_BYTES / 1024 / 1024}MB，请分成几个文件导入`);
  }
  // The server hands out the path and records it as this admin's: an import reads no other file.
  const { cloudPath } = await orgService.importUpload();
  const uploaded = await Taro.cloud.uploadFile({ cloudPath, filePath: file.tempPath }).catch(() => {
    throw new AppError('NETWORK.UNREACHABLE', '文件上传失败，请检查网络后重试');
  });
  return { fileID: uploaded.fileID };
}
