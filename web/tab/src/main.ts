import { ApiError, getJson, type MetricChart, type Overview, type TabGroup, type TabMetric } from './api';
import { ChartView, lookFromCss } from './chart';
import { h } from './dom';
import { formatTime, formatValue } from './format';
import { connectHost, notifyLoaded, type Host, type Theme } from './host';
import { queryOf, rangeOf, RANGES, specOf, type Range } from './view-spec';

const REFRESH_MS = 60_000;
const STATE_LABEL: Record<string, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  noData: 'No data',
  notPermitted: 'Not permitted',
  failed: 'Unavailable',
  normal: 'Normal',
  notAvailable: 'Not available',
};

const query = new URLSearchParams(location.search);
const spec = specOf(query);
let range: Range = rangeOf(query.get('range') ?? localStorage.getItem('pulse.range'));
let host: Host;
let overview: Overview | undefined;
let lastRefresh = 0;
interface ChartEntry {
  card: HTMLElement;
  view?: ChartView;
  data?: MetricChart;
  loading?: Promise<void>;
  visible: boolean;
  /** Out of date (another range, an older minute): reloaded when next visible. */
  stale: boolean;
}
const charts = new Map<string, ChartEntry>();
const started = performance.now();

const $ = (id: string) => document.getElementById(id)!;

function applyTheme(theme: Theme): void {
  document.body.className = `theme-${theme}`;
  document.documentElement.dataset.theme = theme;
  // Canvas colours do not follow CSS: draw the charts again in the new theme, from the data they have.
  for (const c of charts.values()) {
    c.view?.destroy();
    c.view = undefined;
    const el = c.card.querySelector<HTMLElement>('.chart')!;
    el.replaceChildren();
    if (c.data) c.view = draw(el, c.data);
  }
}

function draw(el: HTMLElement, data: MetricChart): ChartView {
  const view = new ChartView(el, data, {
    look: lookFromCss(document.body),
    locale: host.locale,
    timeZone: host.timeZone,
    announce,
  });
  markFirstChart();
  return view;
}

function announce(text: string): void {
  $('announcer').textContent = text;
}

function showMessage(text: string | undefined): void {
  $('message').replaceChildren(...(text ? [h('p', {}, text)] : []));
}

function commandLink(text: string): HTMLElement {
  const botId = overview?.botId;
  if (!host.inTeams || !botId) return h('code', {}, text);
  const url = `https://teams.microsoft.com/l/chat/0/0?users=28:${botId}&message=${encodeURIComponent(text)}`;
  const a = h('a', { href: url, target: '_blank', rel: 'noopener' }, text);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    host.openLink(url);
  });
  return a;
}

function renderRanges(): void {
  const box = $('ranges');
  box.replaceChildren(
    h('legend', { class: 'sr-only' }, 'Time range'),
    ...RANGES.map((r) => {
      const input = h('input', { type: 'radio', name: 'range', value: r, id: `range-${r}` });
      input.checked = r === range;
      input.addEventListener('change', () => {
        range = r;
        localStorage.setItem('pulse.range', r);
        void refreshCharts();
      });
      return h('label', { for: `range-${r}`, class: 'range' }, input, h('span', {}, r));
    }),
  );
}

function renderGroups(o: Overview): void {
  $('groups').replaceChildren(
    ...o.groups.map((g) =>
      h(
        'article',
        { class: `group state-${g.state}`, 'aria-labelledby': `g-${g.id}` },
        h(
          'header',
          {},
          h('h3', { id: `g-${g.id}` }, g.name),
          h('span', { class: `badge state-${g.state}` }, STATE_LABEL[g.state]),
        ),
        h('p', { class: 'reason' }, g.reason),
        g.alerts.length > 0 &&
          h(
            'ul',
            { class: 'alerts', 'aria-label': `Open alerts, ${g.name}` },
            ...g.alerts.map((a) =>
              h(
                'li',
                { class: `alert alert-${a.state}` },
                h(
                  'strong',
                  {},
                  `${a.state === 'firing' ? 'Firing' : a.state === 'acknowledged' ? 'Acknowledged' : 'Snoozed'}: `,
                ),
                `${a.metricName} since ${formatTime(Date.parse(a.openedAt), host.locale, host.timeZone)}`,
              ),
            ),
          ),
        g.state !== 'notPermitted' &&
          metricList(g.metrics.filter((m) => m.state === 'degraded' || m.state === 'failed')),
        g.state !== 'notPermitted' &&
          h(
            'details',
            {},
            h('summary', {}, g.metrics.length === 1 ? 'The metric' : `All ${g.metrics.length} metrics`),
            metricList(g.metrics),
          ),
      ),
    ),
  );
}

function metricList(metrics: TabMetric[]): HTMLElement | undefined {
  if (!metrics.length) return undefined;
  return h(
    'ul',
    { class: 'metrics' },
    ...metrics.map((m) =>
      h(
        'li',
        { class: `metric state-${m.state}`, title: m.reason },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        h('span', { class: 'name' }, m.name),
        h(
          'span',
          { class: 'value' },
          m.value === undefined ? m.display : formatValue(m.value, m.unit, host.locale),
        ),
        h('span', { class: 'change' }, m.change),
        h('span', { class: 'sr-only' }, `, ${STATE_LABEL[m.state]}. ${m.reason}`),
      ),
    ),
  );
}

/** One card per chartable metric, grouped by service; a denied group says why instead of showing empty charts. */
function renderChartCards(o: Overview): void {
  const box = $('charts');
  const seen = new Set<string>();
  const sections = o.groups.map((g: TabGroup) => {
    if (g.state === 'notPermitted')
      return h(
        'section',
        { class: 'chart-group denied', 'aria-labelledby': `c-${g.id}` },
        h('h3', { id: `c-${g.id}` }, g.name),
        h('p', { class: 'why' }, `You can't read ${g.name} data: ${g.reason}`),
      );
    return h(
      'section',
      { class: 'chart-group', 'aria-labelledby': `c-${g.id}` },
      h('h3', { id: `c-${g.id}` }, g.name),
      h(
        'div',
        { class: 'chart-grid' },
        ...g.metrics.filter(chartable).map((m) => (seen.add(m.id), chartCard(m))),
      ),
    );
  });
  for (const [id, c] of charts) {
    if (seen.has(id)) continue;
    c.view?.destroy();
    observer.unobserve(c.card);
    charts.delete(id);
  }
  box.replaceChildren(...sections);
}

function chartable(m: TabMetric): boolean {
  return m.state !== 'notPermitted' && m.state !== 'notAvailable';
}

function chartCard(m: TabMetric): HTMLElement {
  const existing = charts.get(m.id);
  const valueText =
    m.value === undefined ? m.display : `${formatValue(m.value, m.unit, host.locale)} ${m.change}`;
  if (existing) {
    existing.card.querySelector('.chart-value')!.textContent = valueText;
    return existing.card;
  }
  const help = `Arrow keys move between buckets, plus and minus zoom, 0 resets. Drag to zoom with a mouse.`;
  const card = h(
    'figure',
    { class: 'chart-card', 'data-metric': m.id },
    h('figcaption', {}, h('h4', {}, m.name), h('span', { class: 'chart-value' }, valueText)),
    h('div', {
      class: 'chart',
      tabindex: '0',
      role: 'group',
      'aria-roledescription': 'chart',
      'aria-label': `${m.name}: this period, last week and baseline. ${help}`,
    }),
    h('p', { class: 'chart-note' }),
    h(
      'p',
      { class: 'chart-commands' },
      'Chat: ',
      commandLink(`show ${m.id} ${range}`),
      ' · ',
      commandLink(`subscribe ${m.id}`),
    ),
  );
  const entry: ChartEntry = { card, visible: false, stale: false };
  charts.set(m.id, entry);
  observer.observe(card);
  return card;
}

const observer = new IntersectionObserver((entries) => {
  for (const e of entries) {
    const id = (e.target as HTMLElement).dataset.metric!;
    const c = charts.get(id);
    if (!c) continue;
    c.visible = e.isIntersecting;
    if (c.visible && (!c.view || c.stale)) void loadChart(id);
  }
});

async function loadChart(id: string): Promise<void> {
  const c = charts.get(id);
  if (!c || c.loading) return c?.loading;
  c.loading = (async () => {
    const note = c.card.querySelector('.chart-note')!;
    try {
      const data = await getJson<MetricChart>(
        host,
        `/api/tab/metrics/${encodeURIComponent(id)}?range=${range}`,
      );
      const el = c.card.querySelector<HTMLElement>('.chart')!;
      c.data = data;
      c.stale = false;
      if (c.view) c.view.update(data);
      else c.view = draw(el, data);
      el.dataset.range = data.range;
      el.dataset.points = String(data.values.filter((v) => v !== null).length);
      el.dataset.last = String(data.values.filter((v) => v !== null).at(-1) ?? '');
      note.textContent = [...data.notes, data.stale?.message].filter(Boolean).join(' ');
      const cmd = c.card.querySelector('.chart-commands')!.firstElementChild;
      if (cmd) cmd.replaceWith(commandLink(`show ${id} ${range}`));
    } catch (err) {
      note.textContent = err instanceof Error ? err.message : String(err);
    } finally {
      c.loading = undefined;
    }
  })();
  return c.loading;
}

function markFirstChart(): void {
  if (document.documentElement.dataset.firstChartMs) return;
  const ms = Math.round(performance.now() - started);
  document.documentElement.dataset.firstChartMs = String(ms);
  performance.mark('pulse-first-chart');
}

/** Reloads the charts on screen; the others are marked out of date and reload when scrolled to. */
async function refreshCharts(): Promise<void> {
  for (const c of charts.values()) if (!c.visible) c.stale = true;
  await Promise.all([...charts].filter(([, c]) => c.visible).map(([id]) => loadChart(id)));
}

async function refresh(): Promise<void> {
  lastRefresh = Date.now();
  try {
    overview = await getJson<Overview>(host, `/api/tab/overview?${queryOf(spec)}`);
    showMessage(undefined);
    renderGroups(overview);
    renderChartCards(overview);
    $('updated').textContent =
      `Data up to ${formatTime(Date.parse(overview.latestCompleteBucket) + overview.intervalMinutes * 60_000, host.locale, host.timeZone, false)}`;
    await refreshCharts();
  } catch (err) {
    const e = err as ApiError;
    showMessage(
      e.status === 401
        ? `Sign-in needed: ${e.message}`
        : e.status === 403
          ? `Access refused: ${e.message}`
          : `Could not load the dashboard: ${e.message}`,
    );
  }
}

function title(): string {
  if (spec.kind === 'service') return overview?.groups[0]?.name ?? spec.service;
  if (spec.kind === 'metrics') return `${spec.metrics.length} chosen metrics`;
  return 'All services';
}

async function main(): Promise<void> {
  host = await connectHost(query);
  applyTheme(host.theme);
  host.onThemeChange(applyTheme);
  document.documentElement.lang = host.locale;
  renderRanges();
  $('commands').replaceChildren(
    h('h2', {}, 'In chat with M365 Pulse'),
    h(
      'p',
      {},
      commandLink('status'),
      ' · ',
      commandLink('alerts'),
      ' · ',
      commandLink('board'),
      ' · ',
      commandLink('help'),
    ),
  );
  await refresh();
  $('view-title').textContent = `${title()}${host.place ? ` · ${host.place}` : ''}`;
  notifyLoaded(host);
  // Every minute while the tab is visible; on return after a minute away. The server's shared cache decides whether
  // Graph is called at all (it is, at most once per new bucket per tenant and metric).
  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - lastRefresh >= REFRESH_MS) void refresh();
  });
}

void main();
