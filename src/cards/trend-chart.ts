import { text } from './adaptive-card';

/** One line of a chart: x labels must be shared between lines so they overlay. */
export interface ChartLine {
  legend: string;
  values: { x: string; y: number }[];
}

/**
 * A Teams `Chart.Line` (a Teams extension of Adaptive Cards) with axis titles and a `fallback` for clients without
 * charts. The chart's own title is not shown by Teams' renderer, so callers put a TextBlock above it.
 */
export function lineChart(input: {
  title: string;
  lines: ChartLine[];
  xAxisTitle: string;
  yAxisTitle: string;
  fallback: object;
}): object {
  return {
    type: 'Chart.Line',
    title: input.title,
    xAxisTitle: input.xAxisTitle,
    yAxisTitle: input.yAxisTitle,
    data: input.lines,
    fallback: input.fallback,
  };
}

/**
 * The one-line text equivalent of a chart, placed right after it: what it shows and the latest value against the
 * usual one, for screen readers and for clients that draw no charts.
 */
export function chartSummary(summary: string): object {
  return text(`${CHART_SUMMARY_PREFIX}${summary}`, { size: 'Small', spacing: 'Small' });
}

/** How a chart's summary line starts; the accessibility test looks for it next to every chart. */
export const CHART_SUMMARY_PREFIX = 'In words: ';

/** The simplest fallback: the sparkline in monospace with a caption. */
export function sparkFallback(caption: string, spark: string): object {
  return text(`${caption} ${spark}`, { fontType: 'Monospace' });
}

/**
 * Category labels made unique (a repeated wall-clock time, as when daylight saving time ends, gets ` (2)`): the chart
 * maps points to labels, so two buckets with one label would collapse.
 */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}
