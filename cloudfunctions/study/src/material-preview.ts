import type { MaterialPreview } from '@zbxx/contracts';
import { plausibleReadingSeconds, readingLength, suggestedReadingMinutes } from '@zbxx/domain';
import { imageFileIds, markdownToBlocks } from '@zbxx/server/src/markdown-blocks';
import { temporaryUrls } from './storage';

/** A Markdown body as readers will see it, with the numbers authors need (length, least credible reading time). */
export async function previewOf(body: string): Promise<MaterialPreview> {
  const blocks = markdownToBlocks(body);
  const length = readingLength(body);
  return {
    blocks,
    imageUrls: await temporaryUrls(imageFileIds(blocks)),
    textLength: length.textLength,
    plausibleSeconds: plausibleReadingSeconds(length),
    suggestedMinutes: suggestedReadingMinutes(length),
  };
}
