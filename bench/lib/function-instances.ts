import type { Devcloud } from '@zbxx/devcloud';

/** How many warm instances devcloud runs for a function, and its cap. */
export function functionInstances(devcloud: Pick<Devcloud, 'functions'>, name: string): { size: number; max: number } {
  return devcloud.functions.instances(name);
}
