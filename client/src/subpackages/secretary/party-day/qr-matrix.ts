import qrcode from 'qrcode-generator';

/** One row of a QR code as runs of equal modules, so a row renders as a few Views rather than 30. */
export type QrRun = { dark: boolean; length: number };

/** The QR code of `text` (error correction M, smallest version that fits) as rows of runs. */
export function qrRuns(text: string): QrRun[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const rows: QrRun[][] = [];
  for (let row = 0; row < size; row += 1) {
    const runs: QrRun[] = [];
    for (let col = 0; col < size; col += 1) {
      const dark = qr.isDark(row, col);
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
    }
    rows.push(runs);
  }
  return rows;
}
