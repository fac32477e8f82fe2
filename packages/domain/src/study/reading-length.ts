/**
 * How much there is to read in a Markdown body: the characters a reader's eye passes over, with the syntax
 * (heading marks, emphasis, link targets, list bullets) and whitespace left out, plus the images.
 */
export interface ReadingLength {
  /** Visible characters, whitespace excluded. */
  textLength: number;
  imageCount: number;
}

const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
const LINE_MARKERS = /^\s*(?:#{1,6}\s|>+\s?|[-*+]\s|\d+[.)]\s|(?:[-*_]\s*){3,}$)/gm;
const INLINE_MARKS = /[*_`~|]/g;
const WHITESPACE = /\s+/g;

export function readingLength(markdown: string): ReadingLength {
  const imageCount = markdown.match(IMAGE)?.length ?? 0;
  const text = markdown.replace(IMAGE, '').replace(LINK, '$1').replace(LINE_MARKERS, '').replace(INLINE_MARKS, '').replace(WHITESPACE, '');
  return { textLength: [...text].length, imageCount };
}
