import type { ProgressReport } from '@zbxx/contracts';
import { enqueueReport, flushReports } from '../progress-queue';
import { studyStorage } from '../study-storage';

jest.mock('../study-storage', () => {
  let queue: unknown[] = [];
  return {
    studyStorage: {
      loadQueue: () => queue,
      saveQueue: (next: unknown[]) => {
        queue = next;
      },
    },
  };
});

const report = (batchId: string): ProgressReport => ({ batchId, materialId: 'mat-1', dwellSeconds: 10, furthest: 0.5, position: 0.5 });

describe('progress queue', () => {
  beforeEach(() => studyStorage.saveQueue([]));

  it('keeps batches while offline and drops only what the server settled', async () => {
    enqueueReport(report('batch-0001'));
    await expect(flushReports(async () => Promise.reject(new Error('offline')))).resolves.toBeNull();
    expect(studyStorage.loadQueue().map((r) => r.batchId)).toEqual(['batch-0001']);

    enqueueReport(report('batch-0002'));
    const sent: string[][] = [];
    await flushReports(async (reports) => {
      sent.push(reports.map((r) => r.batchId));
      return { settled: ['batch-0001'], progress: [] };
    });
    expect(sent).toEqual([['batch-0001', 'batch-0002']]);
    expect(studyStorage.loadQueue().map((r) => r.batchId)).toEqual(['batch-0002']);
  });

  it('sends nothing when nothing is queued', async () => {
    const send = jest.fn();
    await expect(flushReports(send)).resolves.toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});
