import { overTheWire } from '../support/quality-cloud';
import { applyMutation, nodePaths } from './mutations';

describe('mutations', () => {
  const valid = { roundId: 'r-1', answers: { q1: ['A'] } };

  it('lists every node, root first', () => {
    expect(nodePaths(valid)).toEqual([[], ['roundId'], ['answers'], ['answers', 'q1'], ['answers', 'q1', 0]]);
  });

  it('adds a __proto__ key as data that survives the JSON trip, without touching any prototype', () => {
    const mutated = applyMutation(valid, { kind: 'extraKey', at: 0, payload: { key: '__proto__', value: { $ne: null } } }) as object;
    expect(Object.getPrototypeOf(mutated)).toBe(Object.prototype);
    const wire = overTheWire(mutated) as Record<string, unknown>;
    expect(Object.hasOwn(wire, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).$ne).toBeUndefined();
  });

  it('replaces, removes and oversizes one node and leaves the input alone', () => {
    expect(applyMutation(valid, { kind: 'replace', at: 1, payload: { $gt: '' } })).toEqual({
      roundId: { $gt: '' },
      answers: { q1: ['A'] },
    });
    expect(applyMutation(valid, { kind: 'remove', at: 1, payload: null })).toEqual({ answers: { q1: ['A'] } });
    expect((applyMutation(valid, { kind: 'oversize', at: 1, payload: 101 }) as { roundId: string }).roundId).toHaveLength(104);
    expect(valid).toEqual({ roundId: 'r-1', answers: { q1: ['A'] } });
  });

  it('inserts unicode edge characters into text', () => {
    const mutated = applyMutation(valid, { kind: 'unicode', at: 1, payload: { chars: ['\uD800', '\u202E'], position: 1 } }) as {
      roundId: string;
    };
    expect(mutated.roundId).toBe('r\uD800\u202E-1');
  });
});
