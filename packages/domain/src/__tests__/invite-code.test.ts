import { generateInviteCode, INVITE_CODE_ALPHABET, isInviteCode, normalizeInviteCode } from '../invite-code';

function sequence(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('invite codes', () => {
  it('draws each character from the unambiguous alphabet using the given randomness', () => {
    expect(generateInviteCode(sequence([0]))).toBe('AAAAAAAA');
    expect(generateInviteCode(sequence([0.999999]))).toBe('99999999');
    expect(generateInviteCode(sequence([0, 0.5]), 4)).toBe(`A${INVITE_CODE_ALPHABET[15]}A${INVITE_CODE_ALPHABET[15]}`);
  });

  it('never uses characters people confuse', () => {
    expect(INVITE_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('validates generated codes and normalises typed ones', () => {
    const code = generateInviteCode(Math.random);
    expect(isInviteCode(code)).toBe(true);
    expect(normalizeInviteCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(isInviteCode('ABCD0FGH')).toBe(false);
    expect(isInviteCode('ABCDEFG')).toBe(false);
  });
});
