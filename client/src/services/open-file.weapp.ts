import Taro from '@tarojs/taro';

/** Mini-program: download, then open in WeChat's document viewer (which can forward it to a computer). */
export async function openFile(url: string, _fileName: string): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
