import { bindInputSchema, type BindInput } from '@zbxx/contracts';

export type BindMethod = BindInput['method'];

/** What the person typed, before any checking. */
export interface BindForm {
  method: BindMethod;
  name: string;
  phoneLast4: string;
  inviteCode: string;
}

export type BindField = 'name' | 'phoneLast4' | 'inviteCode';
export type BindFieldErrors = Partial<Record<BindField, string>>;

export type BindValidation = { ok: true; input: BindInput } | { ok: false; errors: BindFieldErrors };

/** Chinese text per field: one for "left empty", one for "not the right shape". */
const MESSAGES: Record<BindField, { empty: string; invalid: string }> = {
  name: { empty: '请填写姓名', invalid: '姓名应为1至20个字，不含特殊符号' },
  phoneLast4: { empty: '请填写手机号后四位', invalid: '请填写手机号的最后4位数字' },
  inviteCode: { empty: '请填写支部邀请码', invalid: '邀请码为6至8位字母或数字，请向支部书记核对' },
};

/** Checks the form against the same contract the server uses, and explains each problem in Chinese. */
export function validateBindForm(form: BindForm): BindValidation {
  const candidate =
    form.method === 'phone'
      ? { method: 'phone' as const, name: form.name, phoneLast4: form.phoneLast4.trim() }
      : { method: 'invite' as const, name: form.name, inviteCode: form.inviteCode.trim() };
  const parsed = bindInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };

  const errors: BindFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field !== 'name' && field !== 'phoneLast4' && field !== 'inviteCode') continue;
    const value = form[field].trim();
    errors[field] ??= value === '' ? MESSAGES[field].empty : MESSAGES[field].invalid;
  }
  return { ok: false, errors };
}
