import { FREE_TEXT_FIELDS } from '../support/free-text-fields';

/**
 * Found by the fuzzing: free-text fields people type and others read used to store NUL, lone surrogates, bidi
 * overrides and zero-width characters verbatim (a 请假 reason shown reversed on the secretary's sheet; a NUL
 * or a lone surrogate is invalid in the XML of an .xlsx export). `plainText` in the contracts now refuses
 * control and surrogate characters and drops invisible format characters: none reaches the database.
 */

const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

const HOSTILE = ['\u0000', '\uD800', '\u202E', '\u200B'];
const fields = FREE_TEXT_FIELDS;

describe('free text refuses control, surrogate and bidi characters (known gap)', () => {
  it.each(fields)('the plain text of %s is accepted (so these checks are about the characters alone)', (_name, schema, make) => {
    expect(schema.safeParse(make('党员活动室')).success).toBe(true);
  });

  it.each(fields)('%s refuses or drops control, surrogate, bidi and zero-width characters', (_name, schema, make) => {
    for (const char of HOSTILE) {
      const parsed = schema.safeParse(make(`正常${char}文字`));
      if (parsed.success) expect(stringsIn(parsed.data).filter((text) => text.includes(char))).toEqual([]);
    }
  });
});
