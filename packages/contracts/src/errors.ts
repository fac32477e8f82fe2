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
  NOT_FOUND: '未找到相关记录',
  CONFLICT: '数据已被修改，请刷新后重试',
  'SYSTEM.TIMEOUT': '服务响应超时，请稍后重试',
  'SYSTEM.INTERNAL': '服务暂时不可用，请稍后重试',
};

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
}
