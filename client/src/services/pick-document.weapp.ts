import Taro from '@tarojs/taro';
import type { PickedDocument } from './pick-document-types';

/** Mini-program: a file from a WeChat chat (文件传输助手 is how office staff move files to the phone). */
export async function pickDocument(): Promise<PickedDocument | null> {
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['docx', 'md', 'markdown', 'txt'] }).catch(() => null);
  const file = chosen?.tempFiles[0];
  if (!file) return null;
  const fs = Taro.getFileSystemManager();
  const isDocx = /\.docx$/i.test(file.name);
  const data = fs.readFileSync(file.path, isDocx ? 'base64' : 'utf8') as string;
  return isDocx ? { format: 'docx', fileName: file.name, base64: data } : { format: 'md', fileName: file.name, text: data };
}
