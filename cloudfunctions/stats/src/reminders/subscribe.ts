import { STUDY_REMINDER_TEMPLATE_ID, type statsContract } from '@zbxx/contracts';
import { reminderConsentsRepo, requireBound, type FunctionHandler } from '@zbxx/server';

type Handler<K extends keyof typeof statsContract.actions> = FunctionHandler<typeof statsContract, K>;

/**
 * Records what `wx.requestSubscribeMessage` answered for 催学: each 'accept' allows WeChat to deliver one more
 * message; 'ban' (the member turned the template off in settings) leaves nothing to send with. A retried
 * request (same requestId) counts once.
 */
export const subscribe: Handler<'subscribe'> = async (input, { caller, db, now }) => {
  const { member } = requireBound(caller);
  const answer = input.results[STUDY_REMINDER_TEMPLATE_ID];
  const credits = await db.runTransaction(async (tx) => {
    const consent = (await reminderConsentsRepo.getConsent(tx, member._id)) ?? {
      _id: member._id,
      memberId: member._id,
      credits: 0,
      requestIds: [],
      updatedAt: now,
    };
    if (consent.requestIds.includes(input.requestId)) return consent.credits;
    const next = answer === 'accept' ? consent.credits + 1 : answer === 'ban' ? 0 : consent.credits;
    if (next === consent.credits) return next;
    const requestIds = [...consent.requestIds, input.requestId].slice(-reminderConsentsRepo.REMEMBERED_REQUESTS);
    await reminderConsentsRepo.putConsent(tx, { ...consent, credits: next, requestIds, updatedAt: now });
    return next;
  });
  return { credits };
};

/** The member's unused 催学 consents. */
export const subscription: Handler<'subscription'> = async (_input, { caller, db }) => {
  const { member } = requireBound(caller);
  const consent = await reminderConsentsRepo.getConsent(db, member._id);
  return { credits: consent?.credits ?? 0 };
};
