import type { Figure } from './types';

type FigureInput = Omit<Figure, 'ok' | 'budget'> & { budget?: number | null; ok?: boolean };

/** A figure whose `ok` is value ≤ budget (true without a budget) unless the caller decides otherwise. */
export function figure(input: FigureInput): Figure {
  const budget = input.budget ?? null;
  const ok = input.ok ?? (budget === null || input.value <= budget);
  return { ...input, budget, ok };
}
