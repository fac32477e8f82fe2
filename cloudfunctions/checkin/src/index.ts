import { checkinContract } from '@zbxx/contracts';
import { createFunction } from '@zbxx/server';
import { listEvents, removeEvent, saveEvent } from './actions/events';
import { checkIn, completeMakeUp, makeUp, myEvents, requestLeave, subscribeReminder } from './actions/member';
import { makeUpQuizStart, makeUpQuizSubmit } from './actions/make-up-quiz';
import { remindOnTimer, sendDueReminders } from './actions/reminders';
import { closeEvent, currentCode, decideLeave, mark, sheet } from './actions/sheet';

/** 主题党日签到: secretaries run the event and its sheet, members check in, ask for leave and make up. */
export const main = createFunction(
  checkinContract,
  {
    listEvents,
    saveEvent,
    removeEvent,
    currentCode,
    sheet,
    mark,
    decideLeave,
    closeEvent,
    sendDueReminders,
    myEvents,
    checkIn,
    requestLeave,
    subscribeReminder,
    makeUp,
    makeUpQuizStart,
    makeUpQuizSubmit,
    completeMakeUp,
  },
  { onTimer: remindOnTimer },
);
