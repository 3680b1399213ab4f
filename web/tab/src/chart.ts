import uPlot from 'uplot';
import type { MetricChart } from './api';
import { formatTime, formatValue } from './format';

/** Colours of the chart in the current theme, read from the page's CSS variables. */
export interface ChartLook {
  current: string;
  lastWeek: string;
  baseline: string;
  axis: string;
  grid: string;
}

export function lookFromCss(el: Element): ChartLook {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    current: v('--series-current'),
    lastWeek: v('--series-last-week'),
    baseline: v('--series-baseline'),
    axis: v('--text-muted'),
    grid: v('--grid'),
  };
}

export interface ChartOptions {
  look: ChartLook;
  locale: string;
  timeZone: string;
  /** Where the keyboard cursor's values are announced (an aria-live region). */
  announce(text: string): void;
}

/**
 * A uPlot line chart of one metric: this period, last week and the seasonal baseline. The mouse hovers (values in the
 * legend) and drag-zooms (double-click resets); the keyboard does the same: arrows move between buckets (Shift: ten at
 * a time), Home/End jump, + and - zoom around the cursor, 0 or Escape reset the zoom.
 */
export class ChartView {
  private readonly u: uPlot;
  private chart: MetricChart;
  private idx = -1;
  private zoomed = false;

  constructor(
    private readonly el: HTMLElement,
    chart: MetricChart,
    private readonly opts: ChartOptions,
  ) {
    this.chart = chart;
    const { look, locale, timeZone } = opts;
    const fmt = (v: number | null | undefined) => this.fmt(v);
    const line = (label: string, stroke: string, dash?: number[], width = 1.5): uPlot.Series => ({
      label,
      stroke,
      width,
      dash,
      spanGaps: false,
      points: { show: false },
      value: (_u, v) => fmt(v),
    });
    this.u = new uPlot(
      {
        width: Math.max(260, el.clientWidth),
        height: 220,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
        series: [
          { label: 'Time', value: (_u, v) => (v === null ? '–' : formatTime(v * 1000, locale, timeZone)) },
          line('This period', look.current, undefined, 2),
          line('Last week', look.lastWeek, [6, 4]),
          line('Baseline', look.baseline, [2, 3]),
        ],
        scales: { x: { time: true } },
        axes: [
          { stroke: look.axis, grid: { stroke: look.grid, width: 1 }, ticks: { stroke: look.grid } },
          {
            stroke: look.axis,
            grid: { stroke: look.grid, width: 1 },
            ticks: { stroke: look.grid },
            size: 64,
            values: (_u, vals) => vals.map((v) => fmt(v)),
          },
        ],
        cursor: { drag: { x: true, y: false }, points: { size: 7 } },
        legend: { live: true },
        hooks: { setSelect: [() => (this.zoomed = true)] },
      },
      this.aligned(),
      el,
    );
    this.u.over.addEventListener('dblclick', () => (this.zoomed = false));
    el.addEventListener('keydown', (e) => this.key(e));
    el.addEventListener('focus', () => this.show());
    el.addEventListener('blur', () => this.u.setCursor({ left: -10, top: -10 }));
    new ResizeObserver(() => this.u.setSize({ width: Math.max(260, el.clientWidth), height: 220 })).observe(
      el,
    );
  }

  /** New data for the same chart (a refresh or another range); a zoom the person chose is kept on refresh. */
  update(chart: MetricChart): void {
    const sameRange = chart.range === this.chart.range;
    this.chart = chart;
    this.u.setData(this.aligned(), !(sameRange && this.zoomed));
    if (!sameRange) this.zoomed = false;
    this.idx = -1;
  }

  destroy(): void {
    this.u.destroy();
  }

  private fmt(v: number | null | undefined): string {
    return formatValue(v, this.chart.metric.unit, this.opts.locale);
  }

  private aligned(): uPlot.AlignedData {
    const c = this.chart;
    return [c.times.map((t) => t / 1000), c.values, c.lastWeek, c.baseline] as uPlot.AlignedData;
  }

  private get xs(): number[] {
    return this.u.data[0] as number[];
  }

  private visible(): { min: number; max: number } {
    const xs = this.xs;
    return { min: this.u.scales.x.min ?? xs[0], max: this.u.scales.x.max ?? xs[xs.length - 1] };
  }

  private show(): void {
    const xs = this.xs;
    if (!xs.length) return;
    const { min, max } = this.visible();
    if (this.idx < 0 || xs[this.idx] < min || xs[this.idx] > max) {
      this.idx = xs.length - 1;
      while (this.idx > 0 && xs[this.idx] > max) this.idx--;
    }
    const c = this.chart;
    const i = this.idx;
    const v = c.values[i] ?? c.baseline[i] ?? c.lastWeek[i];
    const top = v === null ? this.u.over.clientHeight / 2 : this.u.valToPos(v, 'y');
    this.u.setCursor({ left: this.u.valToPos(xs[i], 'x'), top });
    this.opts.announce(
      `${c.metric.name}, ${formatTime(xs[i] * 1000, this.opts.locale, this.opts.timeZone)}: ${this.fmt(c.values[i])}; ` +
        `last week ${this.fmt(c.lastWeek[i])}; baseline ${this.fmt(c.baseline[i])}.`,
    );
  }

  private key(e: KeyboardEvent): void {
    const xs = this.xs;
    if (!xs.length) return;
    const { min, max } = this.visible();
    const first = Math.max(
      0,
      xs.findIndex((x) => x >= min),
    );
    let last = xs.length - 1;
    while (last > 0 && xs[last] > max) last--;
    const step = e.shiftKey ? 10 : 1;
    const at = this.idx < 0 ? last : this.idx;
    switch (e.key) {
      case 'ArrowLeft':
        this.idx = Math.max(first, at - step);
        break;
      case 'ArrowRight':
        this.idx = Math.min(last, at + step);
        break;
      case 'Home':
        this.idx = first;
        break;
      case 'End':
        this.idx = last;
        break;
      case '+':
      case '=':
        this.zoom(0.5, at);
        break;
      case '-':
        this.zoom(2, at);
        break;
      case '0':
      case 'Escape':
        this.zoomed = false;
        this.u.setScale('x', { min: xs[0], max: xs[xs.length - 1] });
        break;
      default:
        return;
    }
    e.preventDefault();
    this.show();
  }

  private zoom(factor: number, at: number): void {
    const xs = this.xs;
    const { min, max } = this.visible();
    const half = Math.max(((max - min) * factor) / 2, (xs[1] - xs[0] || 900) * 2);
    const lo = Math.max(xs[0], xs[at] - half);
    const hi = Math.min(xs[xs.length - 1], xs[at] + half);
    this.zoomed = lo > xs[0] || hi < xs[xs.length - 1];
    this.u.setScale('x', { min: lo, max: hi });
  }
}
