import type { PickedDocument } from './pick-document-types';
import { pickFile } from './pick-file';

/** A .docx (sent base64) or a Markdown/text file (sent as text) for the material editor's import. */
export async function pickDocument(): Promise<PickedDocument | null> {
  const file = await pickFile({ extensions: ['docx', 'md', 'markdown', 'txt'], testId: 'document-file-input' });
  if (!file) return null;
  return /\.docx$/i.test(file.name)
    ? { format: 'docx', fileName: file.name, base64: await file.readBase64() }
    : { format: 'md', fileName: file.name, text: await file.readText() };
}
