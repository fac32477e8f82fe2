import type { Block, ReadingProgress } from '@zbxx/contracts';

/** 未读 / 已读 x% / 已完成, the words the list and the reader show. */
export function readingStatusLabel(progress: Pick<ReadingProgress, 'status' | 'percent'>): string {
  switch (progress.status) {
    case 'completed':
      return '已完成';
    case 'reading':
      return `已读 ${progress.percent}%`;
    case 'unread':
      return '未读';
  }
}

export const FONT_SIZES = [
  { key: 'normal', label: '标准', scale: 1 },
  { key: 'large', label: '大', scale: 1.2 },
  { key: 'huge', label: '特大', scale: 1.45 },
] as const;

export type FontSizeKey = (typeof FONT_SIZES)[number]['key'];

export function fontSizeOf(key: string | null): (typeof FONT_SIZES)[number] {
  return FONT_SIZES.find((size) => size.key === key) ?? FONT_SIZES[1];
}

/** Materials usually open with their title as a heading; the reader already shows the title above. */
export function withoutTitleHeading(blocks: readonly Block[], title: string): readonly Block[] {
  const first = blocks[0];
  const repeatsTitle =
    first?.type === 'heading' &&
    first.inlines
      .map((inline) => inline.text)
      .join('')
      .trim() === title.trim();
  return repeatsTitle ? blocks.slice(1) : blocks;
}
