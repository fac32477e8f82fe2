import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUDGETS, boundsIn, budgetsSection } from '../lib/budgets';

const REPO = resolve(__dirname, '../..');
const summary = JSON.parse(readFileSync(join(REPO, 'bench/results/summary.json'), 'utf8')) as unknown[];
const report = readFileSync(join(REPO, 'bench/results/report.md'), 'utf8');
// DESIGN.md lives beside the repository (README: ../shared/DESIGN.md). Its budgets section is pinned in
// bench/lib/design-budgets.md, so a clone without DESIGN.md still checks the figures against it, and a clone
// with it checks the pin is current.
const DESIGN = [join(REPO, 'DESIGN.md'), join(REPO, '../shared/DESIGN.md')].find((path) => existsSync(path));
const PINNED = readFileSync(join(REPO, 'bench/lib/design-budgets.md'), 'utf8');

interface Entry {
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  ok: boolean;
}

describe('bench/results/summary.json', () => {
  it('lists figures as exactly { name, value, unit, budget, ok }', () => {
    expect(Array.isArray(summary)).toBe(true);
    expect(summary.length).toBeGreaterThan(0);
    for (const entry of summary) {
      expect(Object.keys(entry as object).sort()).toEqual(['budget', 'name', 'ok', 'unit', 'value']);
      const { name, value, unit, budget, ok } = entry as Entry;
      expect(name).toMatch(/^[A-Za-z0-9]+(\.[A-Za-z0-9/_-]+)+$/);
      expect(Number.isFinite(value)).toBe(true);
      expect(typeof unit).toBe('string');
      expect(unit.length).toBeGreaterThan(0);
      expect(budget === null || Number.isFinite(budget)).toBe(true);
      expect(typeof ok).toBe('boolean');
    }
  });

  it('names every figure once and never calls a figure over its budget ok', () => {
    // (A figure may be not ok within or without a budget: a scenario states extra conditions, e.g. a failed export.)
    const entries = summary as Entry[];
    expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    const okOverBudget = entries.filter((e) => e.ok && e.budget !== null && e.value > e.budget).map((e) => e.name);
    expect(okOverBudget).toEqual([]);
  });

  it.each(BUDGETS.map((b) => [b.id, b] as const))('has a figure for the budget %s, carrying its bound', (_id, spec) => {
    const measured = (summary as Entry[]).filter((e) => spec.figures.test(e.name));
    expect(measured.map((e) => e.name)).not.toEqual([]);
    if (spec.budget !== undefined)
      for (const e of measured) expect({ name: e.name, budget: e.budget }).toEqual({ name: e.name, budget: spec.budget });
  });

  it('is the data the Markdown report shows', () => {
    for (const { name } of summary as Entry[]) expect(report).toContain(`\`${name}\``);
  });
});

describe('the budgets in DESIGN.md', () => {
  const section = DESIGN ? budgetsSection(readFileSync(DESIGN, 'utf8')) : PINNED;

  it('are the ones pinned in bench/lib/design-budgets.md', () => {
    expect(PINNED.trim()).not.toBe('');
    expect(section.trim()).toBe(PINNED.trim());
  });

  it('are quoted word for word by bench/lib/budgets.ts', () => {
    for (const spec of BUDGETS.filter((b) => b.source === 'DESIGN.md'))
      expect({ id: spec.id, found: section.includes(spec.quote) }).toEqual({ id: spec.id, found: true });
  });

  it('each have an entry there: every “≤ N” bound and every constant-request rule', () => {
    const quoted = BUDGETS.filter((b) => b.source === 'DESIGN.md').map((b) => b.quote);
    for (const bound of boundsIn(section)) {
      // "(platform limit 2 MB)" is the platform's, not ours: only the bounds written with ≤.
      expect({ bound, covered: quoted.some((q) => q.includes(bound)) }).toEqual({ bound, covered: true });
    }
    expect(quoted.some((q) => q.includes('constant number of requests'))).toBe(section.includes('constant number of requests'));
  });
});
