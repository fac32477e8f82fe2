import { keyFields, keyLabels, keyValueLeaks, othersRecords, phoneNumbers } from './scan';

const item = { questionId: 'q-1', order: ['C', 'A', 'D', 'B'], key: ['A'] };

describe('secret scan rules', () => {
  it('reads a stored key as the labels the phone shows', () => {
    expect(keyLabels(item)).toBe('B');
    expect(keyLabels({ questionId: 'q-2', order: ['B', 'A', 'C'], key: ['C', 'B'] })).toBe('AC');
  });

  it('finds key-bearing fields at any depth, but not the member’s own answers', () => {
    const reply = {
      questions: [{ id: 'q-1', correctAnswer: ['B'], options: [] }],
      answers: { 'q-1': ['A'] },
      result: { explanation: '…', key: 'B' },
    };
    expect(keyFields(reply)).toEqual(['questions[0].correctAnswer', 'result.explanation', 'result.key']);
    expect(keyFields({ questions: [{ id: 'q-1', stem: '…', options: [{ id: 'A', text: '…' }] }], answers: {} })).toEqual([]);
  });

  it('finds a key stated beside its question under any name, and answers the member did not give', () => {
    expect(keyValueLeaks({ questions: [{ id: 'q-1', hint: 'B', options: [{ id: 'B', text: '…' }] }] }, [item])).toEqual([
      'questions[0].hint',
    ]);
    expect(keyValueLeaks({ answers: { 'q-1': ['B'] } }, [item], {})).toEqual(['answers.q-1']);
    expect(keyValueLeaks({ answers: { 'q-1': ['B'] } }, [item], { 'q-1': 'B' })).toEqual([]);
    expect(keyValueLeaks({ questions: [{ id: 'q-1', type: 'single', options: [{ id: 'B', text: 'B' }] }] }, [item])).toEqual([]);
  });

  it('finds mobile numbers but not timestamps or long ids', () => {
    expect(phoneNumbers({ a: '13812345678', b: 'tel 15900001111.', c: 1763782345678, d: 'm-13812345678901' })).toEqual([
      '13812345678',
      '15900001111',
    ]);
    expect(phoneNumbers({ masked: '138****5678' })).toEqual([]);
  });

  it('finds other members’ ids, phones, records and leave reasons among a reply’s strings', () => {
    const others = {
      memberIds: new Set(['m-2']),
      openids: new Set(['wx-2']),
      phones: new Set(['138****0002']),
      recordIds: new Set(['attempt-2']),
      leaveReasons: new Set(['回老家']),
    };
    expect(
      othersRecords(
        { rows: [{ memberId: 'm-2' }], by: 'wx-2', phone: '138****0002', attempts: ['attempt-2'], note: '回老家', me: 'm-1' },
        others,
      ),
    ).toEqual(['rows[0].memberId = m-2', 'by = wx-2', 'phone = 138****0002', 'attempts[0] = attempt-2', 'note = 回老家']);
  });
});
