import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';

/**
 * Every member of WeChat's `wx` object, read from miniprogram-api-typings. Taro builds `Taro.*` from
 * `Object.keys(wx)`, so a fake `wx` must list every name as an own key or the app sees holes a phone has not.
 * Parsing the 1 MB declaration takes about a second; the list is cached per typings file.
 */
export function wxApiNames(): string[] {
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts');
  const text = readFileSync(file, 'utf8');
  const cacheDir = path.join(tmpdir(), 'zbxx-weapp-harness');
  const cache = path.join(cacheDir, `wx-names-${createHash('sha1').update(text).digest('hex').slice(0, 12)}.json`);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as string[];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Wx') {
      for (const member of node.members) if (member.name && ts.isIdentifier(member.name)) names.add(member.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const list = [...names].sort();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cache, JSON.stringify(list));
  return list;
}
