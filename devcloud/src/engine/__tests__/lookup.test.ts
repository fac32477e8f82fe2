import { type IndexManifest, openEngine } from '..';
import { runPipeline } from '../mongo-compat';
import type { Document, Pipeline } from '../types';

const manifest: IndexManifest = {
  collections: {
    members: {},
    attendance: { indexes: [{ name: 'memberId_1_eventId_1', fields: { memberId: 1, eventId: 1 } }] },
    events: {},
    notes: {},
  },
};

const members: Document[] = [
  { _id: 'm1', tags: ['a', 'b'] },
  { _id: 'm2', tags: [] },
  { _id: 'm3', tags: ['b'] },
];
const attendance: Document[] = [
  { _id: 'e1_m1', memberId: 'm1', eventId: 'e1', history: [{ at: new Date(0) }] },
  { _id: 'e2_m1', memberId: 'm1', eventId: 'e2', history: [] },
  { _id: 'e1_m3', memberId: 'm3', eventId: 'e1', history: [] },
];
const events: Document[] = [
  { _id: 'e1', month: '2025-03', labels: ['a', 'x'] },
  { _id: 'e2', month: '2025-02', labels: ['b'] },
];
const notes: Document[] = [{ _id: 'n1', memberId: 'm2' }, { _id: 'n2', memberId: null }, { _id: 'n3' }];

/** What mingo alone answers, over copies of everything (the engine's behaviour before the hash join). */
function mingoOnly(pipeline: Pipeline): Document[] {
  const all: Record<string, Document[]> = { members, attendance, events, notes };
  return runPipeline(structuredClone(members), pipeline, (name) => structuredClone(all[name] ?? []));
}

describe('equality $lookup as a hash join', () => {
  const engine = openEngine({ dataDir: ':memory:', indexManifest: manifest });
  engine.insertMany('members', structuredClone(members));
  engine.insertMany('attendance', structuredClone(attendance));
  engine.insertMany('events', structuredClone(events));
  engine.insertMany('notes', structuredClone(notes));
  afterAll(() => engine.close());

  it.each<[string, Pipeline]>([
    ['an indexed foreign field', [{ $lookup: { from: 'attendance', localField: '_id', foreignField: 'memberId', as: 'records' } }]],
    [
      'a local path through an array',
      [
        { $lookup: { from: 'attendance', localField: '_id', foreignField: 'memberId', as: 'records' } },
        { $lookup: { from: 'events', localField: 'records.eventId', foreignField: '_id', as: 'events' } },
        { $project: { records: 0 } },
      ],
    ],
    [
      'an array local field and a multikey foreign field',
      [{ $lookup: { from: 'events', localField: 'tags', foreignField: 'labels', as: 'events' } }],
    ],
    ['an unindexed foreign field', [{ $lookup: { from: 'notes', localField: '_id', foreignField: 'memberId', as: 'notes' } }]],
    ['a missing collection', [{ $lookup: { from: 'nothing', localField: '_id', foreignField: 'memberId', as: 'none' } }]],
    [
      'a missing local field (left to mingo)',
      [{ $lookup: { from: 'notes', localField: 'absent', foreignField: 'memberId', as: 'notes' } }],
    ],
  ])('answers like mingo for %s', (_label, pipeline) => {
    expect(engine.aggregate('members', pipeline)).toEqual(mingoOnly(pipeline));
  });

  it('hands out copies: changing a joined document leaves the stored one alone', () => {
    const [first] = engine.aggregate('members', [
      { $match: { _id: 'm1' } },
      { $lookup: { from: 'attendance', localField: '_id', foreignField: 'memberId', as: 'records' } },
    ]);
    const records = first!.records as Document[];
    (records[0]!.history as unknown[]).push('changed');
    expect(engine.find('attendance', { _id: 'e1_m1' })[0]!.history).toHaveLength(1);
  });

  it('copies joined documents for a pipeline that writes into them', () => {
    const rows = engine.aggregate('members', [
      { $lookup: { from: 'attendance', localField: '_id', foreignField: 'memberId', as: 'records' } },
      { $unwind: '$records' },
      { $set: { 'records.history': ['changed'] } },
    ]);
    expect(rows.map((row) => (row.records as Document).history)).toEqual([['changed'], ['changed'], ['changed']]);
    expect(engine.find('attendance', {}).map((doc) => (doc.history as unknown[]).length)).toEqual([1, 0, 0]);
  });
});
