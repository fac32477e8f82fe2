import { HIDDEN_CHARACTER_MESSAGE, hasRefusedCharacter, withoutFormatCharacters } from '@zbxx/contracts';

export interface CellTextError {
  row: number;
  column: string;
  reason: string;
}

/**
 * Imported sheets meet the same text policy as typed input (contracts text-policy.ts): a name with a Hangul
 * filler or a tag character is a row error, so a roster entry can never look like someone it is not.
 */
export function refusedTextErrors<K extends string>(
  rows: readonly { row: number; cells: Partial<Record<K, unknown>> }[],
  header: (key: K) => string,
  multiline: ReadonlySet<K> = new Set(),
): CellTextError[] {
  return rows.flatMap(({ row, cells }) =>
    (Object.entries(cells) as [K, unknown][])
      .filter(
        ([key, value]) =>
          typeof value === 'string' && hasRefusedCharacter(withoutFormatCharacters(value), { multiline: multiline.has(key) }),
      )
      .map(([key]) => ({ row, column: header(key), reason: HIDDEN_CHARACTER_MESSAGE })),
  );
}
