import Taro from '@tarojs/taro';
import { ROSTER_FILE_MAX_BYTES, type RosterFile } from '@zbxx/contracts';
import { AppError } from './app-error';
import { pickFile } from './pick-file';

/** Mini-program: an .xlsx from a WeChat chat, uploaded to cloud storage; the function reads it by fileID. */
export async function pickRosterFile(): Promise<RosterFile | null> {
  const file = await pickFile({ extensions: ['xlsx'] });
  if (!file?.tempPath) return null;
  if (file.size > ROSTER_FILE_MAX_BYTES) {
    throw new AppError('IMPORT.BAD_FILE', `文件超过${ROSTER_FILE_MAX_BYTES / 1024 / 1024}MB，请分成几个文件导入`);
  }
  const cloudPath = `roster/uploads/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.xlsx`;
  const uploaded = await Taro.cloud.uploadFile({ cloudPath, filePath: file.tempPath }).catch(() => {
    throw new AppError('NETWORK.UNREACHABLE', '文件上传失败，请检查网络后重试');
  });
  return { fileID: uploaded.fileID };
}
