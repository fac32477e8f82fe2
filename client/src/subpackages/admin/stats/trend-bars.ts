import type { RateMetric, Trend } from '@zbxx/contracts';
import { formatRate, isBelow } from '../../../lib/stats-format';

export interface Bar {
  month: string;
  /** "11月": the chart names the years once, above the bars (narrow slots fit no more). */
  label: string;
  /** 0–100: the bar's height as a share of the plot (a rate nobody was asked for draws no bar). */
  height: number;
  value: string;
  below: boolean;
  empty: boolean;
}

/** One metric over the trend's months, as the plain-View bar chart draws it (no chart library: size budget). */
export function barsOf(points: Trend['points'], metric: RateMetric, threshold: number): Bar[] {
  return points.map((point) => {
    const rate = point.rates[metric];
    return {
      month: point.month,
      label: `${Number(point.month.slice(5, 7))}月`,
      height: rate === null ? 0 : Math.max(0, Math.min(100, Math.round(rate * 1000) / 10)),
      value: formatRate(rate),
      below: isBelow(rate, threshold),
      empty: rate === null,
    };
  });
}
