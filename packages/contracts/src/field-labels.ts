/**
 * Chinese names of input fields, so a rejected request can say which field is wrong ("「手机号后4位」格式不正确")
 * and a form can label the same field the same way. Keyed by the field's property name.
 */
export const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  data: '数据',
  requestId: '请求编号',
  method: '绑定方式',
  name: '姓名',
  phoneLast4: '手机号后4位',
  inviteCode: '邀请码',
  month: '月份',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const key = path[i];
    if (typeof key === 'string') return FIELD_LABELS[key] ?? key;
  }
  return FIELD_LABELS.data ?? 'data';
}
