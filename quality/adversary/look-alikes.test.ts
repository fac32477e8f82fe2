import { readFileSync } from 'node:fs';
import path from 'node:path';
import { columnHeader, planRosterImport, type SheetRow } from '@zbxx/domain';
import { refusedTextErrors } from '@zbxx/server';
import { FREE_TEXT_FIELDS } from '../support/free-text-fields';

/**
 * Look-alikes: invisible and filler characters in names and free text.
 *
 * Attacker: anyone who types a name or a text others read (a member binding, a secretary saving an event, an
 * admin importing a roster).
 * Goal: store a value that looks identical to another one (`李秀英ㅤ` beside `李秀英`) or looks empty (a place of
 * two Hangul fillers), so a reader cannot tell two people apart or sees a blank where a place should be.
 * Budget: one request per character class (the contracts answer without touching the database).
 * Success for the attacker: any of these characters accepted into a stored field.
 */

const LOOK_ALIKES: Record<string, string> = {
  'Hangul filler U+3164': '\u3164',
  'Hangul choseong filler U+115F': '\u115F',
  'Hangul jungseong filler U+1160': '\u1160',
  'half-width Hangul filler U+FFA0': '\uFFA0',
  'Braille blank U+2800': '\u2800',
  'tag character U+E0041': String.fromCodePoint(0xe0041),
  'tag cancel U+E007F': String.fromCodePoint(0xe007f),
  'private use plane 15 U+F0000': String.fromCodePoint(0xf0000),
  'private use plane 16 U+10FFFD': String.fromCodePoint(0x10fffd),
};

const FIELDS = FREE_TEXT_FIELDS;

const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

describe('typed text: every look-alike is refused', () => {
  it.each(FIELDS)('%s accepts the plain text (so a refusal is about the character alone)', (_name, schema, make) => {
    expect(schema.safeParse(make('李秀英')).success).toBe(true);
  });

  it.each(FIELDS)('%s stores none of the look-alikes', (_name, schema, make) => {
    const accepted = Object.entries(LOOK_ALIKES).flatMap(([label, char]) =>
      [`李秀英${char}`, `${char}${char}`].flatMap((text) => {
        const parsed = schema.safeParse(make(text));
        return parsed.success && stringsIn(parsed.data).some((s) => s.includes(char)) ? [label] : [];
      }),
    );
    expect(accepted).toEqual([]);
  });
});

describe('imported text: a roster row with a look-alike is a row error', () => {
  const row = (name: string): SheetRow => ({ row: 2, cells: { name, gender: '女', phone: '18781728495', branch: '东关社区党支部' } });
  it.each(Object.entries(LOOK_ALIKES))('%s in 姓名', (_label, char) => {
    const rows = [row(`李秀英${char}`)];
    const plan = planRosterImport({ rows, resolveBranch: () => ({ ok: true, branchId: 'org-b' }), existingByPhone: new Map() });
    const errors = [...plan.errors, ...refusedTextErrors(rows, columnHeader)];
    expect(errors.filter((e) => e.column === '姓名')).not.toEqual([]);
  });
});

describe('the policy stays small in the mini-program bundle', () => {
  it('uses explicit character classes: no \\p{…} escapes and no u flag for Babel to expand', () => {
    const source = readFileSync(path.resolve(__dirname, '../../packages/contracts/src/text-policy.ts'), 'utf8');
    const code = source.replace(/\/\*\*[\s\S]*?\*\//g, '');
    expect(code).not.toMatch(/\\p\{/);
    expect(code.match(/\/[gimsy]*u[gimsy]*[;,)]/g)).toBeNull();
  });
});
