import { useCallback, useEffect, useState } from 'react';
import type { ActionOutput, RateMetric, statsContract } from '@zbxx/contracts';
import { parseThresholdsForm, toThresholdsForm, type ThresholdsForm } from '../lib/thresholds-form';
import { toAppError } from '../services/app-error';
import { statsService } from '../services/stats';
import { useAsync } from './use-async';

type Settings = ActionOutput<typeof statsContract, 'thresholds'>;

export type SaveState = { kind: 'editing' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid'; message: string };

/** 达标线与自动催学日 of a node: load what applies (own, inherited or default), edit, check, save for the subtree. */
export function useThresholdsForm(nodeId?: string, service: Pick<typeof statsService, 'thresholds' | 'saveThresholds'> = statsService) {
  const { state, reload } = useAsync(() => service.thresholds(nodeId), [nodeId]);
  const [form, setForm] = useState<ThresholdsForm | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'editing' });
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    if (state.kind !== 'ready') return;
    setSettings(state.data);
    setForm(toThresholdsForm(state.data.thresholds, state.data.reminderDays));
  }, [state]);

  const setThreshold = useCallback((metric: RateMetric, text: string) => {
    setForm((f) => f && { ...f, thresholds: { ...f.thresholds, [metric]: text } });
    setSave({ kind: 'editing' });
  }, []);
  const setReminderDays = useCallback((text: string) => {
    setForm((f) => f && { ...f, reminderDays: text });
    setSave({ kind: 'editing' });
  }, []);

  const submit = useCallback(async () => {
    if (!form || !settings) return;
    const parsed = parseThresholdsForm(form);
    if (!parsed.ok) return setSave({ kind: 'invalid', message: parsed.message });
    setSave({ kind: 'saving' });
    try {
      const saved = await service.saveThresholds({
        nodeId: settings.node.id,
        thresholds: parsed.thresholds,
        reminderDays: parsed.reminderDays,
      });
      setSettings(saved);
      setForm(toThresholdsForm(saved.thresholds, saved.reminderDays));
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'invalid', message: toAppError(error).message });
    }
  }, [form, settings, service]);

  return { state, reload, settings, form, save, setThreshold, setReminderDays, submit };
}
