import { assignPath, WeappBuild } from './support/mini-program';
import { renderedText } from './support/wxml';

/**
 * The harness's own view layer, without devcloud: wcc draws Taro's node kinds from base.wxml, and an element
 * kind base.wxml has no template for (NutUI's <i> icons before the fix) is reported, which fails any test.
 */
describe('wcc view layer of the compiled package', () => {
  const build = new WeappBuild();

  it('draws text and views, and reports an element kind with no template', () => {
    const kind = (tag: string) => [...build.wxml.tagOfKind].find(([, t]) => t === tag)![0];
    const [view, text] = [kind('view'), kind('block')];
    const drawn = build.wxml.render('pages/index/index', {
      root: { cn: [{ nn: view, sid: '_n_1', cn: [{ nn: text, sid: '_n_2', v: '你好' }] }] },
    });
    expect(drawn.warnings).toEqual([]);
    expect(renderedText(drawn.root)).toBe('你好');
    const broken = build.wxml.render('pages/index/index', { root: { cn: [{ nn: 'i', sid: '_n_3', cl: 'nut-icon' }] } });
    expect(broken.warnings.join('\n')).toContain('Template `tmpl_0_i` not found');
  });

  it('compiles the WXML of every page in app.json', () => {
    for (const page of build.pages) expect(build.wxml.render(page, { root: { cn: [] } }).warnings).toEqual([]);
  });

  it('applies setData path keys as WeChat does', () => {
    const data: Record<string, unknown> = { root: { cn: [{ v: 'a' }] } };
    assignPath(data, 'root.cn.[0].v', 'b');
    assignPath(data, 'root.cn.[1]', { v: 'c' });
    assignPath(data, 'a.b[2].c', 1);
    expect(data).toEqual({ root: { cn: [{ v: 'b' }, { v: 'c' }] }, a: { b: [undefined, undefined, { c: 1 }] } });
  });
});
