import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
// The package has no typings; wxmlToJS(root, files, wxsFiles, options) runs Tencent's wcc and returns JS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wxmlToJs = require('miniprogram-compiler/src/wcc') as (
  root: string,
  files: string[],
  wxs: string[],
  options: { maxBuffer: number },
) => string;

/** A node as WeChat's view layer would draw it (wcc's virtual DOM), or a text run. */
export interface RenderedElement {
  tag: string;
  /** Absent on blocks and the page root. */
  attr?: Record<string, unknown>;
  children: RenderedNode[];
}
export type RenderedNode = RenderedElement | string;

export interface Rendering {
  root: RenderedElement;
  /** What wcc's runtime warned about: a missing template is `Template \`tmpl_0_i\` not found.` */
  warnings: string[];
}

type Generate = (data: unknown, dd: unknown, global: unknown) => RenderedElement;

/**
 * Every page's WXML compiled by WeChat's own compiler (wcc, Linux build from miniprogram-compiler), once per
 * build directory: a template the package lacks, or WXML wcc rejects, shows up here as on a phone.
 */
export class WxmlPackage {
  private readonly context: vm.Context;
  private readonly warnings: string[] = [];
  /** Node kinds (Taro's `nn`) to the tag their template draws, read from base.wxml. */
  readonly tagOfKind: Map<string, string>;

  constructor(
    readonly root: string,
    pages: readonly string[],
  ) {
    const source = wxmlToJs(root, ['base', 'comp', ...pages], ['utils.wxs'], { maxBuffer: 256 << 20 });
    const sink = (...args: unknown[]) => this.warnings.push(args.map(String).join(' '));
    this.context = vm.createContext({ console: { warn: sink, log: sink, error: sink, info: sink } });
    this.context.window = this.context;
    vm.runInContext(source, this.context, { filename: 'wcc-output.js' });
    const base = readFileSync(path.join(root, 'base.wxml'), 'utf8');
    this.tagOfKind = templateTags(base);
    this.wxsObjectLines = wxsObjectLines(base);
  }

  /**
   * Lines of base.wxml whose template name comes from a wxs function given an object (inputs, textareas:
   * `xs.c(i, …)`). wcc's 2020 runtime returns undefined there, so those warnings are this tool's, not the app's.
   */
  private readonly wxsObjectLines: Set<number>;

  private appWarnings(): string[] {
    return this.warnings.filter((w) => {
      const m = /base\.wxml:template:(\d+):\d+: Template `undefined` not found/.exec(w);
      return !(m && this.wxsObjectLines.has(Number(m[1])));
    });
  }

  /** Renders `data` through the page's WXML (e.g. `pages/index/index`). */
  render(page: string, data: unknown): Rendering {
    const generate = (this.context.$gwx as (p: string, g: unknown) => Generate | undefined)(`${page}.wxml`, {});
    if (!generate) throw new Error(`wcc did not compile ${page}.wxml (is it in app.json?)`);
    this.warnings.length = 0;
    // The view layer receives data through a JSON channel; render exactly what crossed it.
    const root = generate(JSON.parse(JSON.stringify(data)), {}, {});
    return { root: expandComponents(root, this), warnings: this.appWarnings() };
  }

  /** Taro hands nodes deeper than its template depth to the `comp` custom component; draw those too. */
  renderComp(props: Record<string, unknown>): RenderedNode[] {
    const generate = (this.context.$gwx as (p: string, g: unknown) => Generate | undefined)('comp.wxml', {});
    if (!generate) throw new Error('wcc did not compile comp.wxml');
    return generate({ i: props.i, l: props.l }, {}, {}).children;
  }
}

function expandComponents(node: RenderedElement, wxml: WxmlPackage): RenderedElement {
  const children = node.children.map((child) => {
    if (typeof child === 'string') return child;
    if (child.tag === 'comp')
      return { ...child, children: wxml.renderComp(child.attr ?? {}).map((c) => (typeof c === 'string' ? c : expandComponents(c, wxml))) };
    return expandComponents(child, wxml);
  });
  return { ...node, children };
}

function wxsObjectLines(baseWxml: string): Set<number> {
  const lines = new Set<number>();
  baseWxml.split('\n').forEach((line, i) => {
    if (/<template is="\{\{xs\.c\(i,/.test(line)) lines.add(i + 1);
  });
  return lines;
}

function templateTags(baseWxml: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const match of baseWxml.matchAll(/<template name="tmpl_0_([^"]+)">\s*<([a-z-]+)/g)) {
    const kind = match[1]!.replace(/_(focus|blur)$/, '');
    if (match[2] !== 'template') tags.set(kind, match[2]!);
  }
  return tags;
}

/** The text a person sees in a rendered subtree, runs joined by single spaces. */
export function renderedText(node: RenderedNode): string {
  if (typeof node === 'string') return node;
  return node.children
    .map(renderedText)
    .filter((t) => t.trim() !== '')
    .join(' ');
}

/** Every rendered element, with its chain of ancestors (outermost first), depth first. */
export function* walk(
  node: RenderedElement,
  ancestors: RenderedElement[] = [],
): Generator<{ el: RenderedElement; ancestors: RenderedElement[] }> {
  yield { el: node, ancestors };
  for (const child of node.children) if (typeof child !== 'string') yield* walk(child, [...ancestors, node]);
}
