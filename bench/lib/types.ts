/** One measured figure, as `summary.json` lists it (plus a label and a note for the Markdown report). */
export interface Figure {
  /** Stable dotted id, e.g. `dbRequests.account.login.bound`; scripts compare runs by it. */
  name: string;
  value: number;
  unit: string;
  /** The budget from DESIGN.md (an upper bound), or null where there is none. */
  budget: number | null;
  /** value ≤ budget (and any extra condition the scenario states); true when there is no budget. */
  ok: boolean;
  /** 中文说明, shown in the report table. */
  label: string;
  note?: string;
}

export interface ScenarioContext {
  repoRoot: string;
  /** Scratch space for data directories; removed after the run. */
  tmpDir: string;
  /** Functions with a built bundle (`cloudfunctions/<name>/index.js`). */
  functions: readonly string[];
  /** Figures from the scenarios that ran before this one (in file order). */
  previous: readonly Figure[];
  log(message: string): void;
}

/**
 * A scenario file under bench/scenarios/ default-exports one of these. Files run in name order; a scenario
 * whose `requires` names a function without a bundle is skipped (and the report says so).
 */
export interface Scenario {
  title: string;
  /** Cloud functions this scenario calls. */
  requires?: readonly string[];
  /** How it measures, one or two sentences in Chinese, for the report's "how measured" section. */
  method: string;
  run(ctx: ScenarioContext): Promise<Figure[]>;
}
