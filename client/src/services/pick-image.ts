import { AppError } from './app-error';
import { pickFile } from './pick-file';

/** Matches the study contract's uploadImage limit (base64 of about 2 MB). */
const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** An image for a study material, read as base64 for the study function's uploadImage. */
export async function pickImage(): Promise<{ fileName: string; base64: string } | null> {
  const file = await pickFile({ kind: 'image', extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp'], testId: 'image-file-input' });
  if (!file) return null;
  if (file.size > IMAGE_MAX_BYTES) throw new AppError('INPUT.INVALID', '图片超过 2MB，请压缩后再插入');
  return { fileName: file.name, base64: await file.readBase64() };
}
