import { useCallback, useState } from 'react';
import { STUDY_REMINDER_TEMPLATE_ID } from '@zbxx/contracts';
import { toAppError } from '../services/app-error';
import { askReminderConsent } from '../services/checkin-device';
import { newRequestId } from '../services/request-id';
import { statsService } from '../services/stats';
import { useAsync } from './use-async';

export interface StudyReminderDeps {
  subscription: () => Promise<{ credits: number }>;
  subscribe: (results: Record<string, 'accept' | 'reject' | 'ban' | 'filter'>, requestId: string) => Promise<{ credits: number }>;
  askConsent: (templateId: string) => Promise<boolean>;
  newId?: () => string;
}

const defaultDeps: StudyReminderDeps = {
  subscription: statsService.subscription,
  subscribe: statsService.subscribe,
  askConsent: askReminderConsent,
};

/**
 * 开启学习提醒: WeChat's one-time subscription allows one message per consent, so each tap adds one credit the
 * secretary's 催学 (or the scheduled one) can use. The card shows how many remain.
 */
export function useStudyReminder(deps: StudyReminderDeps = defaultDeps) {
  const { state, reload } = useAsync(() => deps.subscription(), [deps]);
  const [credits, setCredits] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const enable = useCallback(async () => {
    setBusy(true);
    setMessage(null);
    try {
      const accepted = await deps.askConsent(STUDY_REMINDER_TEMPLATE_ID);
      const reply = await deps.subscribe({ [STUDY_REMINDER_TEMPLATE_ID]: accepted ? 'accept' : 'reject' }, (deps.newId ?? newRequestId)());
      setCredits(reply.credits);
      setMessage(accepted ? '已开启，书记催学时您会收到一条微信提醒' : '您没有允许接收提醒，未开启');
    } catch (error) {
      setMessage(toAppError(error).message);
    } finally {
      setBusy(false);
    }
  }, [deps]);

  const shown = credits ?? (state.kind === 'ready' ? state.data.credits : null);
  return { state, reload, credits: shown, busy, message, enable };
}
