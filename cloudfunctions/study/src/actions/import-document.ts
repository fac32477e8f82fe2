import type { studyContract } from '@zbxx/contracts';
import { AppError, checkZipLimits, type FunctionHandler } from '@zbxx/server';
import { importDocx, importMarkdown, type ImportedDocument } from '../document-import';
import { previewOf } from '../material-preview';
import { requireAdmin } from '../scope';
import { uploadImage } from '../storage';

/** 组织部 imports a .docx or .md: the result is a preview to check and edit, nothing is saved as a material. */
export const importDocument: FunctionHandler<typeof studyContract, 'importDocument'> = async (input, { caller }) => {
  requireAdmin(caller);
  let imported: ImportedDocument;
  if (input.format === 'md') {
    imported = importMarkdown(input.text, input.fileName);
  } else {
    const bytes = Buffer.from(input.base64, 'base64');
    checkZipLimits(bytes, new AppError('IMPORT.UNREADABLE', '无法读取 Word 文档（仅支持 .docx），请在 Word 中另存为 .docx 后再导入'));
    imported = await importDocx(bytes, input.fileName, uploadImage).catch((error: unknown) => {
      throw new AppError(
        'IMPORT.UNREADABLE',
        `无法读取 Word 文档（仅支持 .docx）：${error instanceof Error ? error.message.slice(0, 80) : ''}`,
      );
    });
  }
  if (!imported.body) throw new AppError('IMPORT.UNREADABLE', '文档中没有可导入的文字');
  return { ...imported, ...(await previewOf(imported.body)) };
};
