import { qrRuns } from '../qr-matrix';

describe('qrRuns', () => {
  it('draws a square symbol with finder patterns in three corners', () => {
    const rows = qrRuns('zbxx:checkin:ev-0123456789abcdef:123456');
    const width = (row: { length: number }[]) => row.reduce((sum, run) => sum + run.length, 0);
    const size = rows.length;
    expect(size).toBeGreaterThanOrEqual(21);
    expect(rows.every((row) => width(row) === size)).toBe(true);
    // A finder pattern's top edge: 7 dark modules at the start (top-left) and the end (top-right) of row 0.
    expect(rows[0]![0]).toEqual({ dark: true, length: 7 });
    expect(rows[0]![rows[0]!.length - 1]).toEqual({ dark: true, length: 7 });
    expect(rows[size - 1]![0]).toEqual({ dark: true, length: 7 });
  });

  it('changes when the code rotates', () => {
    expect(qrRuns('zbxx:checkin:ev-1:123456')).not.toEqual(qrRuns('zbxx:checkin:ev-1:654321'));
  });
});
