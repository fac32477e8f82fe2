import type { studyContract } from '@zbxx/contracts';
import { AppError, type FunctionHandler } from '@zbxx/server';
import { requireAdmin } from '../scope';
import { temporaryUrls, uploadImage as storeImage } from '../storage';

const SIGNATURES: [string, number[]][] = [
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46]],
  ['webp', [0x52, 0x49, 0x46, 0x46]],
];

/** 组织部 adds a picture to a material: stored in cloud storage, referenced in the Markdown by its fileID. */
export const uploadImage: FunctionHandler<typeof studyContract, 'uploadImage'> = async ({ base64 }, { caller }) => {
  requireAdmin(caller);
  const bytes = Buffer.from(base64, 'base64');
  const kind = SIGNATURES.find(([, magic]) => magic.every((byte, i) => bytes[i] === byte))?.[0];
  if (!kind) throw new AppError('IMPORT.UNREADABLE', '只支持 PNG、JPG、GIF、WebP 图片');
  const fileID = await storeImage(bytes, kind);
  const urls = await temporaryUrls([fileID]);
  return { fileID, url: urls[fileID] ?? '' };
};
