import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { qrRuns } from './qr-matrix';

/**
 * A QR code drawn with plain Views (runs of modules per row): the same on weapp and h5, no canvas, no image
 * round-trip, and it redraws instantly when the code rotates. `sizePx` is in CSS pixels (inline styles are not scaled by the design width), about two thirds of a phone's width.
 */
export function QrCode({ text, sizePx = 260 }: { text: string; sizePx?: number }) {
  const rows = useMemo(() => qrRuns(text), [text]);
  const quiet = 4;
  const modules = (rows[0]?.reduce((sum, run) => sum + run.length, 0) ?? 21) + quiet * 2;
  const unit = Math.floor(sizePx / modules);
  return (
    <View
      className="qr-code"
      data-testid="checkin-qr"
      data-payload={text}
      style={{ padding: `${unit * quiet}px`, background: '#ffffff', display: 'inline-block' }}
    >
      {rows.map((runs, r) => (
        <View key={r} style={{ display: 'flex', height: `${unit}px` }}>
          {runs.map((run, i) => (
            <View key={i} style={{ width: `${unit * run.length}px`, height: `${unit}px`, background: run.dark ? '#000000' : '#ffffff' }} />
          ))}
        </View>
      ))}
    </View>
  );
}
