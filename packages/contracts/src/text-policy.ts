/**
 * The one text policy for what people type and others read (names, reasons, themes, places, titles) and for
 * text that arrives in imported files. Written as explicit character classes without the `u` flag: the
 * contracts are bundled into the mini-program, whose Babel build expands each `\p{…}` into a ~10 KB class.
 *
 * - Format characters (zero-width spaces, bidi overrides, soft hyphens) often come along when text is pasted
 *   from a chat: dropped, so what the secretary reads is what was typed.
 * - Control, private-use and lone surrogate characters (invalid in an .xlsx's XML) are refused.
 * - Invisible look-alikes are refused: `李秀英ㅤ` (Hangul filler U+3164) looks exactly like `李秀英`, and a place of
 *   two fillers looks empty. That is the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the Braille blank U+2800,
 *   the tag characters U+E0000–E007F (a surrogate pair \uDB40\uDC00–\uDB40\uDC7F) and private use beyond the
 *   BMP, planes 15–16 (high surrogates \uDB80–\uDBFF).
 */
export const FORMAT_CHARACTERS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused in text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF]/;
// eslint-disable-next-line no-control-regex -- as above, line breaks included.
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F\uE000-\uF8FF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE_LOOK_ALIKE = /[\u115F\u1160\u2800\u3164\uFFA0]|\uDB40[\uDC00-\uDC7F]|[\uDB80-\uDBFF][\uDC00-\uDFFF]/;

export const HIDDEN_CHARACTER_MESSAGE = '不能包含控制字符或看不见的字符';

/** Drops the invisible format characters the policy tolerates (and removes). */
export function withoutFormatCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, '');
}

/** Whether `text` (format characters already dropped) holds a character the policy refuses. */
export function hasRefusedCharacter(text: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return (multiline ? CONTROL : CONTROL_OR_LINE_BREAK).test(text) || LONE_SURROGATE.test(text) || INVISIBLE_LOOK_ALIKE.test(text);
}
