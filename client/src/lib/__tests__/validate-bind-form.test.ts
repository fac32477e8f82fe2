import { validateBindForm, type BindForm } from '../validate-bind-form';

const form = (overrides: Partial<BindForm>): BindForm => ({
  method: 'phone',
  name: '',
  phoneLast4: '',
  inviteCode: '',
  ...overrides,
});

describe('validateBindForm', () => {
  it('accepts name + last four phone digits and trims the name', () => {
    expect(validateBindForm(form({ name: ' 王建国 ', phoneLast4: '1234' }))).toEqual({
      ok: true,
      input: { method: 'phone', name: '王建国', phoneLast4: '1234' },
    });
  });

  it('asks for what is missing, in Chinese', () => {
    expect(validateBindForm(form({}))).toEqual({
      ok: false,
      errors: { name: '请填写姓名', phoneLast4: '请填写手机号后四位' },
    });
  });

  it('explains a wrong phone fragment', () => {
    const result = validateBindForm(form({ name: '王建国', phoneLast4: '12a4' }));
    expect(result).toEqual({ ok: false, errors: { phoneLast4: '请填写手机号的最后4位数字' } });
  });

  it('rejects names with markup or longer than a roster allows', () => {
    expect(validateBindForm(form({ name: '<b>王</b>', phoneLast4: '1234' }))).toMatchObject({
      ok: false,
      errors: { name: '姓名应为1至20个字，不含特殊符号' },
    });
    expect(validateBindForm(form({ name: '王'.repeat(21), phoneLast4: '1234' })).ok).toBe(false);
  });

  it('checks the invite code only when binding by invite code', () => {
    expect(validateBindForm(form({ method: 'invite', name: '李梅', phoneLast4: 'xx' }))).toEqual({
      ok: false,
      errors: { inviteCode: '请填写支部邀请码' },
    });
    expect(validateBindForm(form({ method: 'invite', name: '李梅', inviteCode: 'AB-1' }))).toMatchObject({
      errors: { inviteCode: expect.stringMatching(/6至8位/) },
    });
    expect(validateBindForm(form({ method: 'invite', name: '李梅', inviteCode: ' ab12cd ' }))).toEqual({
      ok: true,
      input: { method: 'invite', name: '李梅', inviteCode: 'ab12cd' },
    });
  });
});
