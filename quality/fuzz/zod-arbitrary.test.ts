import fc from 'fast-check';
import { z } from 'zod';
import { ALL_CONTRACTS } from '../support/contracts';
import { zodArbitrary } from './zod-arbitrary';

describe('zodArbitrary', () => {
  const actions = ALL_CONTRACTS.flatMap((contract) =>
    Object.entries(contract.actions).map(([action, { input }]) => [`${contract.name}.${action}`, input] as const),
  );

  it.each(actions)('generates only values %s accepts', (_name, input) => {
    const samples = fc.sample(zodArbitrary(input), { seed: 7, numRuns: 40 });
    expect(samples.filter((value) => !input.safeParse(value).success)).toEqual([]);
  });

  it('honours lengths, bounds, patterns and formats', () => {
    const schema = z
      .object({
        id: z
          .string()
          .min(1)
          .max(8)
          .regex(/^[a-z]+$/),
        n: z.number().int().min(3).max(5),
        at: z.string().datetime({ offset: true }),
        tags: z
          .array(z.enum(['a', 'b']))
          .min(1)
          .max(2),
        note: z.string().trim().min(1).optional(),
      })
      .strict();
    for (const value of fc.sample(zodArbitrary(schema), { seed: 1, numRuns: 100 })) expect(schema.safeParse(value).success).toBe(true);
  });

  it('refuses a schema kind it does not know instead of guessing', () => {
    expect(() => zodArbitrary(z.date())).toThrow(/date/);
  });
});
