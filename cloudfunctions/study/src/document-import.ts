export interface ImportedDocument {
  title: string;
  body: string;
  warnings: string[];
}

export type ImageUploader = (bytes: Buffer, extension: string) => Promise<string>;

interface MammothResult {
  value: string;
  messages: { type: string; message: string }[];
}

// mammoth's Markdown writer is still exported (and what we want) but no longer in its typings.
interface MammothMarkdown {
  convertToMarkdown(input: { buffer: Buffer }, options: { convertImage: unknown }): Promise<MammothResult>;
  images: typeof import('mammoth').images;
}

/**
 * mammoth loads on the first import, not with the function: scripts/build-functions.mjs writes it into its own
 * file, so members' study calls do not parse it at cold start (issue 13).
 */
async function loadMammoth(): Promise<MammothMarkdown> {
  const loaded = await import('mammoth');
  return (loaded.default ?? loaded) as unknown as MammothMarkdown;
}

const IMAGE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * A Word .docx → Markdown: headings (Word's 标题 1–6 styles), paragraphs, lists, bold/italic and pictures
 * (stored in cloud storage, referenced by fileID) survive; what mammoth cannot map is reported in Chinese.
 */
export async function importDocx(bytes: Buffer, fileName: string, upload: ImageUploader): Promise<ImportedDocument> {
  const mammoth = await loadMammoth();
  const result = await mammoth.convertToMarkdown(
    { buffer: bytes },
    {
      convertImage: mammoth.images.imgElement(async (image) => {
        const extension = IMAGE_EXTENSIONS[image.contentType] ?? 'png';
        const fileID = await upload(Buffer.from(await image.readAsBase64String(), 'base64'), extension);
        return { src: fileID };
      }),
    },
  );
  const body = tidyMarkdown(result.value);
  const warnings = [...new Set(result.messages.filter((m) => m.type === 'warning').map((m) => describeWarning(m.message)))];
  return { title: titleOf(body, fileName), body, warnings };
}

export function importMarkdown(text: string, fileName: string): ImportedDocument {
  const body = tidyMarkdown(text.replace(/^\uFEFF/, ''));
  return { title: titleOf(body, fileName), body, warnings: [] };
}

/** The first heading, else the file name without its extension. */
function titleOf(body: string, fileName: string): string {
  const heading = /^#{1,3}\s+(.+)$/m
    .exec(body)?.[1]
    ?.replace(/[*_\\]/g, '')
    .trim();
  const fromName = fileName.replace(/\.[^.]+$/, '').trim();
  return (heading || fromName || '未命名材料').slice(0, 60);
}

/** mammoth escapes punctuation Markdown would not misread in Chinese text, and leaves runs of blank lines. */
function tidyMarkdown(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/\\([.()\-!（）])/g, '$1')
    .replace(/__([^_\n]+)__/g, '**$1**')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function describeWarning(message: string): string {
  const style = /Unrecognised (?:paragraph|run) style: '([^']*)'/.exec(message)?.[1];
  return style ? `未识别的样式「${style}」已按正文处理` : `部分格式未能保留：${message}`;
}
