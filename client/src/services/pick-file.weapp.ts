import Taro from '@tarojs/taro';
import type { PickedFile, PickFileOptions } from './pick-file-types';

function picked(name: string, size: number, path: string): PickedFile {
  const fs = Taro.getFileSystemManager();
  return {
    name,
    size,
    tempPath: path,
    readBase64: async () => fs.readFileSync(path, 'base64') as string,
    readText: async () => fs.readFileSync(path, 'utf8') as string,
  };
}

/** Mini-program: images from the album or camera; other files from a WeChat chat (文件传输助手). */
export async function pickFile({ extensions, kind = 'file' }: PickFileOptions): Promise<PickedFile | null> {
  if (kind === 'image') {
    const chosen = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] }).catch(() => null);
    const file = chosen?.tempFiles[0];
    if (!file) return null;
    const ext = file.tempFilePath.split('.').pop() ?? 'jpg';
    return picked(`image.${ext}`, file.size, file.tempFilePath);
  }
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions }).catch(() => null);
  const file = chosen?.tempFiles[0];
  return file ? picked(file.name, file.size, file.path) : null;
}
