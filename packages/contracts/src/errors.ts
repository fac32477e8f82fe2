/**
 * Stable error codes shared by every function and the client. The code is the contract; the message is
 * Chinese text meant for the person holding the phone.
 */
export const ERROR_CODES = [
  'INPUT.INVALID', // the event's data does not match the action's contract
  'INPUT.UNKNOWN_ACTION', // the event names an action the function does not have
  'AUTH.NO_IDENTITY', // the platform gave no OPENID (should never happen in production)
  'AUTH.NOT_BOUND', // the WeChat user has not claimed a roster entry yet
  'AUTH.FORBIDDEN', // the caller's role or scope does not allow this
  'AUTH.RATE_LIMITED', // too many attempts; try later
  'BIND.NO_MATCH', // name + phone digits or invite code matched nobody (never says which part)
  'BIND.ALREADY_BOUND', // this WeChat user is already bound to a roster entry
  'BIND.PENDING', // bound by invite code, waiting for the secretary's approval
  'IMPORT.UNREADABLE', // an uploaded document (.docx, .md, image) could not be read
  'IMPORT.BAD_FILE', // the uploaded roster is not a readable .xlsx with the roster's columns
  'IMPORT.HAS_ERRORS', // a roster import with errors in its preview cannot be committed
  'ORG.NOT_EMPTY', // an org node still has members or active children
  'QUIZ.ROUND_NOT_OPEN', // the quiz round's window has not opened yet
  'QUIZ.ROUND_CLOSED', // the quiz round's window has closed
  'QUIZ.NO_ATTEMPTS_LEFT', // every attempt the round allows has been started
  'QUIZ.ATTEMPT_FINISHED', // the attempt was submitted or closed at its deadline: answers no longer change it
  'QUIZ.DRAW_IMPOSSIBLE', // the bank can't meet the round's quota
  'CHECKIN.BAD_CODE', // 签到码 wrong or older than the previous 30 s step
  'CHECKIN.NOT_OPEN', // no check-in running for this event now
  'CHECKIN.OUTSIDE_GEOFENCE', // strict geofence: the member is outside it
  'CHECKIN.LOCATION_REQUIRED', // strict geofence: no location shared
  'CHECKIN.MAKEUP_INCOMPLETE', // 补学: the event's materials are not all read yet
  'CHECKIN.MATERIAL_NOT_AVAILABLE', // a make-up material not in a published plan reaching the branch (draft, other subtree, unknown id)
  'CHECKIN.MAKEUP_QUIZ_EXHAUSTED', // 补学测验: every paper the event allows the member has been drawn
  'ATTENDANCE.FORBIDDEN', // an attendance command the caller may not give
  'ATTENDANCE.SELF_DEALING', // a secretary approving, marking or making up their own attendance
  'ATTENDANCE.REASON_REQUIRED', // manual marks and leave requests need a reason
  'ATTENDANCE.CHECKIN_NOT_OPEN',
  'ATTENDANCE.CHECKIN_CLOSED',
  'ATTENDANCE.LEAVE_TOO_LATE',
  'ATTENDANCE.NO_LEAVE_REQUEST',
  'ATTENDANCE.EVENT_CLOSED',
  'ATTENDANCE.ILLEGAL_TRANSITION',
  'NOT_FOUND', // the record does not exist (or is outside the caller's scope)
  'CONFLICT', // the record changed meanwhile; reload and retry
  'SYSTEM.TIMEOUT', // the function ran out of time
  'SYSTEM.INTERNAL', // anything unexpected
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default Chinese messages; a function may send a more specific one. */
export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  'INPUT.INVALID': '提交的内容不符合要求，请检查后重试',
  'INPUT.UNKNOWN_ACTION': '不支持的操作',
  'AUTH.NO_IDENTITY': '无法识别微信身份，请在微信中重新打开小程序',
  'AUTH.NOT_BOUND': '尚未绑定党员身份，请先完成绑定',
  'AUTH.FORBIDDEN': '没有权限进行此操作',
  'AUTH.RATE_LIMITED': '尝试次数过多，请稍后再试',
  'BIND.NO_MATCH': '未找到匹配的党员信息，请核对后重试',
  'BIND.ALREADY_BOUND': '该微信已绑定党员身份',
  'BIND.PENDING': '已提交绑定申请，请等待支部书记审核',
  'IMPORT.UNREADABLE': '文件无法读取，请确认格式后重试',
  'IMPORT.BAD_FILE': '无法读取该文件，请使用花名册模板（.xlsx）',
  'IMPORT.HAS_ERRORS': '花名册中还有错误，请修改后重新上传',
  'ORG.NOT_EMPTY': '该组织下还有党员或下级组织，请先转出或撤销',
  'QUIZ.ROUND_NOT_OPEN': '答题尚未开始',
  'QUIZ.ROUND_CLOSED': '答题已结束',
  'QUIZ.NO_ATTEMPTS_LEFT': '答题次数已用完',
  'QUIZ.ATTEMPT_FINISHED': '本次答题已结束，答案已按交卷时保存的内容计分',
  'QUIZ.DRAW_IMPOSSIBLE': '题库题目不足，无法组卷，请联系组织部',
  'CHECKIN.BAD_CODE': '签到码不正确或已过期，请扫描或输入最新的签到码',
  'CHECKIN.NOT_OPEN': '当前没有正在签到的活动',
  'CHECKIN.OUTSIDE_GEOFENCE': '不在活动签到范围内',
  'CHECKIN.LOCATION_REQUIRED': '本次活动需要位置信息才能签到',
  'CHECKIN.MAKEUP_INCOMPLETE': '补学材料尚未全部学完',
  'CHECKIN.MATERIAL_NOT_AVAILABLE': '补学材料只能从本支部已发布的学习计划中选择',
  'CHECKIN.MAKEUP_QUIZ_EXHAUSTED': '本次活动的补学测验次数已用完（最多 3 次），请联系支部书记',
  'ATTENDANCE.FORBIDDEN': '没有权限进行此操作',
  'ATTENDANCE.SELF_DEALING': '不能审批或登记本人的考勤：本人请用签到码签到，请假或缺席后请完成补学',
  'ATTENDANCE.REASON_REQUIRED': '请填写原因',
  'ATTENDANCE.CHECKIN_NOT_OPEN': '签到尚未开始',
  'ATTENDANCE.CHECKIN_CLOSED': '签到已结束',
  'ATTENDANCE.LEAVE_TOO_LATE': '活动已开始，不能再请假',
  'ATTENDANCE.NO_LEAVE_REQUEST': '没有待审批的请假申请',
  'ATTENDANCE.EVENT_CLOSED': '活动已结束，考勤不能再修改',
  'ATTENDANCE.ILLEGAL_TRANSITION': '当前状态下不能进行此操作',
  NOT_FOUND: '未找到相关记录',
  CONFLICT: '数据已被修改，请刷新后重试',
  'SYSTEM.TIMEOUT': '服务响应超时，请稍后重试',
  'SYSTEM.INTERNAL': '服务暂时不可用，请稍后重试',
};

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
}
