import type { Block, Inline } from '@zbxx/contracts';
import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown → the reader's block tree (contracts' `Block`), done once when a material is saved so phones
 * render plain components and ship no parser. What the tree cannot show (tables, raw HTML) degrades to text.
 */
export function markdownToBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const token of new Lexer({ gfm: true }).lex(markdown)) blocks.push(...blockOf(token));
  return blocks;
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

function blockOf(token: Token): Block[] {
  switch (token.type) {
    case 'heading': {
      const t = token as Tokens.Heading;
      return [{ type: 'heading', level: Math.min(6, Math.max(1, t.depth)), inlines: inlinesOf(t.tokens) }];
    }
    case 'paragraph':
      return splitImages(inlinesWithImages((token as Tokens.Paragraph).tokens));
    case 'text': {
      const t = token as Tokens.Text;
      return splitImages(inlinesWithImages(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text } as Tokens.Text]));
    }
    case 'blockquote': {
      const inner = (token as Tokens.Blockquote).tokens.flatMap(blockOf);
      const paragraphs = inner.flatMap((b) => runsOf(b));
      return paragraphs.length > 0 ? [{ type: 'quote', paragraphs }] : [];
    }
    case 'list': {
      const t = token as Tokens.List;
      const items = t.items.map((item) =>
        item.tokens
          .flatMap(blockOf)
          .flatMap(runsOf)
          .reduce<Inline[]>((all, run) => all.concat(all.length ? [{ text: ' ' }] : [], run), []),
      );
      return [{ type: 'list', ordered: t.ordered, items }];
    }
    case 'code':
      return [{ type: 'code', text: (token as Tokens.Code).text }];
    case 'hr':
      return [{ type: 'rule' }];
    case 'table': {
      const t = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((cell) => plain(cell.tokens)).join('｜');
      return [t.header, ...t.rows].map((cells) => ({ type: 'paragraph', inlines: [{ text: row(cells) }] }));
    }
    case 'html': {
      const text = (token as Tokens.HTML).text.replace(/<[^>]*>/g, '').trim();
      return text ? [{ type: 'paragraph', inlines: [{ text }] }] : [];
    }
    default:
      return [];
  }
}

/** The inline runs a block contributes to a quote or list item. */
function runsOf(block: Block): Inline[][] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [block.inlines];
    case 'quote':
      return block.paragraphs;
    case 'list':
      return block.items;
    case 'code':
      return [[{ text: block.text, code: true }]];
    case 'image':
      return [[{ text: block.alt ? `［图：${block.alt}］` : '［图］' }]];
    case 'rule':
      return [];
  }
}

type Piece = Inline | { image: { src: string; alt: string } };

function splitImages(pieces: Piece[]): Block[] {
  const blocks: Block[] = [];
  let run: Inline[] = [];
  const flush = () => {
    if (run.some((inline) => inline.text.trim() !== '')) blocks.push({ type: 'paragraph', inlines: run });
    run = [];
  };
  for (const piece of pieces) {
    if ('image' in piece) {
      flush();
      blocks.push({ type: 'image', src: piece.image.src, alt: piece.image.alt });
    } else {
      run.push(piece);
    }
  }
  flush();
  return blocks;
}

function inlinesOf(tokens: Token[] | undefined): Inline[] {
  return inlinesWithImages(tokens).map((piece) => ('image' in piece ? { text: piece.image.alt } : piece));
}

function inlinesWithImages(tokens: Token[] | undefined, marks: Marks = {}): Piece[] {
  const out: Piece[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push(...inlinesWithImages((token as Tokens.Strong).tokens, { ...marks, bold: true }));
        break;
      case 'em':
        out.push(...inlinesWithImages((token as Tokens.Em).tokens, { ...marks, italic: true }));
        break;
      case 'del':
        out.push(...inlinesWithImages((token as Tokens.Del).tokens, marks));
        break;
      case 'link': {
        const t = token as Tokens.Link;
        for (const piece of inlinesWithImages(t.tokens, marks)) out.push('image' in piece ? piece : { ...piece, href: t.href });
        break;
      }
      case 'image': {
        const t = token as Tokens.Image;
        out.push({ image: { src: t.href, alt: t.text } });
        break;
      }
      case 'codespan':
        out.push({ text: decodeEntities((token as Tokens.Codespan).text), code: true, ...marks });
        break;
      case 'br':
        out.push({ text: '\n', ...marks });
        break;
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) out.push(...inlinesWithImages(t.tokens, marks));
        else out.push({ text: decodeEntities(t.text), ...marks });
        break;
      }
      case 'escape':
        out.push({ text: (token as Tokens.Escape).text, ...marks });
        break;
      case 'html':
        break;
      default:
        if ('text' in token && typeof token.text === 'string') out.push({ text: decodeEntities(token.text), ...marks });
    }
  }
  return mergeRuns(out);
}

/** Neighbouring runs with the same marks become one (fewer nodes to render). */
function mergeRuns(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const prev = out.at(-1);
    if (prev && !('image' in prev) && !('image' in piece) && sameMarks(prev, piece)) {
      out[out.length - 1] = { ...prev, text: prev.text + piece.text };
    } else {
      out.push(piece);
    }
  }
  return out;
}

function sameMarks(a: Inline, b: Inline): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.href === b.href;
}

function plain(tokens: Token[]): string {
  return inlinesOf(tokens)
    .map((inline) => inline.text)
    .join('');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** Cloud fileIDs of the images a block tree shows. */
export function imageFileIds(blocks: readonly Block[]): string[] {
  return [...new Set(blocks.flatMap((block) => (block.type === 'image' && block.src.startsWith('cloud://') ? [block.src] : [])))];
}
