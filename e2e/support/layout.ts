import type { Page } from 'playwright-core';

/** A run of text whose box ends past the viewport's right edge: cut off on the phone. */
export interface ClippedText {
  text: string;
  /** The class of the element holding the text, to find it in the source. */
  className: string;
  /** How far past the right edge, in CSS px. */
  overBy: number;
}

export interface LayoutReport {
  viewportWidth: number;
  /** The document's scroll width: more than the viewport means the page scrolls sideways. */
  scrollWidth: number;
  clipped: ClippedText[];
}

/**
 * Measures the page on screen: horizontal overflow of the document, and for every visible text its lines'
 * boxes (from a Range) and its element's box, so text counts as cut even where a scroll container clips it
 * (exactly how the reader lost characters at line ends) rather than letting the page scroll sideways.
 */
export function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate<LayoutReport>(MEASURE);
}

// Runs in the page. A string, because the node-side tsconfig (rightly) has no DOM types.
const MEASURE = `(() => {
  const viewportWidth = document.documentElement.clientWidth;
  const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  const clipped = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').trim();
    const holder = node.parentElement;
    if (!text || !holder || !holder.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    range.selectNodeContents(node);
    // The element's own box counts too: a run laid out wider than the screen is cut even where its glyphs
    // happen to stop short of the edge.
    let right = holder.getBoundingClientRect().right;
    for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) right = Math.max(right, rect.right);
    // Half a pixel: subpixel layout rounds either way.
    if (right > viewportWidth + 0.5) {
      clipped.push({ text: text.slice(0, 24), className: String(holder.className), overBy: Math.round(right - viewportWidth) });
    }
  }
  return { viewportWidth, scrollWidth, clipped };
})()`;
