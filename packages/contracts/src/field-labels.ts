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
  // org
  parentId: '上级组织',
  type: '组织类型',
  order: '排序',
  branchId: '支部',
  toBranchId: '转入支部',
  memberId: '党员',
  role: '角色',
  query: '搜索内容',
  duty: '职务',
  file: '文件',
  fileID: '文件',
  base64: '文件内容',
  importId: '导入批次',
  page: '页码',
  pageSize: '每页条数',
  // 每月一学
  title: '标题',
  body: '正文',
  source: '出处',
  estimatedMinutes: '预计阅读分钟数',
  theme: '主题',
  dueDate: '截止日期',
  requiredMaterialIds: '必学材料',
  optionalMaterialIds: '选学材料',
  orgId: '组织',
  materialId: '学习材料',
  reports: '学习进度',
  fileName: '文件名',
  // 主题党日
  eventId: '活动',
  place: '地点',
  startsAt: '开始时间',
  endsAt: '结束时间',
  checkinOpensAt: '签到开始时间',
  lateAfter: '迟到时间',
  geofence: '签到范围',
  radiusMetres: '签到半径',
  reason: '原因',
  code: '签到码',
  payload: '签到二维码',
  position: '位置',
};

export function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const key = path[i];
    if (typeof key === 'string') return FIELD_LABELS[key] ?? key;
  }
  return FIELD_LABELS.data ?? 'data';
}
