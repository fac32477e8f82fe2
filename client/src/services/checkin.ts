import { checkinContract, type CheckInInput, type SaveEventInput } from '@zbxx/contracts';
import { callAction } from './transport';

/** 主题党日签到, typed by the contract. Check-in is idempotent on the server, so a retry never counts twice. */
export const checkinService = {
  // 支部书记
  listEvents: () => callAction(checkinContract, 'listEvents', undefined),
  /** `requestId`: the same for a 重试 of the same create, so it is created once (see useRequestIdFor). */
  saveEvent: (input: SaveEventInput, requestId?: string) => callAction(checkinContract, 'saveEvent', input, { write: true, requestId }),
  removeEvent: (eventId: string) => callAction(checkinContract, 'removeEvent', { eventId }, { write: true }),
  currentCode: (eventId: string) => callAction(checkinContract, 'currentCode', { eventId }),
  sheet: (eventId: string) => callAction(checkinContract, 'sheet', { eventId }),
  mark: (input: { eventId: string; memberId: string; to: 'excused' | 'present' | 'late' | 'absent' | 'madeUp'; reason: string }) =>
    callAction(checkinContract, 'mark', input, { write: true }),
  decideLeave: (input: { eventId: string; memberId: string; approve: boolean; reason?: string }) =>
    callAction(checkinContract, 'decideLeave', input, { write: true }),
  closeEvent: (eventId: string) => callAction(checkinContract, 'closeEvent', { eventId }, { write: true }),
  sendDueReminders: () => callAction(checkinContract, 'sendDueReminders', undefined, { write: true }),
  // 党员
  myEvents: () => callAction(checkinContract, 'myEvents', undefined),
  checkIn: (input: CheckInInput) => callAction(checkinContract, 'checkIn', input, { write: true }),
  requestLeave: (eventId: string, reason: string) => callAction(checkinContract, 'requestLeave', { eventId, reason }, { write: true }),
  subscribeReminder: (eventId: string) => callAction(checkinContract, 'subscribeReminder', { eventId }, { write: true }),
  makeUp: (eventId: string) => callAction(checkinContract, 'makeUp', { eventId }),
  makeUpQuizStart: (eventId: string) => callAction(checkinContract, 'makeUpQuizStart', { eventId }, { write: true }),
  makeUpQuizSubmit: (input: { eventId: string; paperId: string; answers: Record<string, string[]> }) =>
    callAction(checkinContract, 'makeUpQuizSubmit', input, { write: true }),
  completeMakeUp: (eventId: string) => callAction(checkinContract, 'completeMakeUp', { eventId }, { write: true }),
};
