import { pages } from '@microsoft/teams-js';
import { METRICS, SERVICES } from '../../../src/domain/catalog';
import { h } from './dom';
import { connectHost } from './host';
import { queryOf, type ViewSpec } from './view-spec';

const $ = (id: string) => document.getElementById(id)!;
const form = () => $('config') as HTMLFormElement;

/** The view the form describes, or undefined while it is incomplete (no metric ticked). */
function chosen(): ViewSpec | undefined {
  const data = new FormData(form());
  const kind = data.get('kind');
  if (kind === 'service') return { kind: 'service', service: String(data.get('service')) };
  if (kind === 'metrics') {
    const metrics = data.getAll('metric').map(String);
    return metrics.length ? { kind: 'metrics', metrics } : undefined;
  }
  return { kind: 'all' };
}

function nameOf(spec: ViewSpec): string {
  if (spec.kind === 'service')
    return `Pulse: ${SERVICES.find((s) => s.id === spec.service)?.name ?? spec.service}`;
  if (spec.kind === 'metrics')
    return spec.metrics.length === 1
      ? `Pulse: ${METRICS.find((m) => m.id === spec.metrics[0])?.name}`
      : 'Pulse: chosen metrics';
  return 'M365 Pulse';
}

function urlOf(spec: ViewSpec): string {
  const q = queryOf(spec);
  return `${location.origin}/tab/${q ? `?${q}` : ''}`;
}

function renderForm(): void {
  const radio = (value: string, label: string, checked = false) => {
    const input = h('input', { type: 'radio', name: 'kind', value, id: `kind-${value}` });
    input.checked = checked;
    return h('div', { class: 'choice' }, input, h('label', { for: `kind-${value}` }, label));
  };
  const select = h(
    'select',
    { name: 'service', id: 'service', 'aria-label': 'Service group' },
    ...SERVICES.map((s) => h('option', { value: s.id }, s.name)),
  );
  const groups = SERVICES.map((s) =>
    h(
      'fieldset',
      { class: 'metric-group' },
      h('legend', {}, s.name),
      ...METRICS.filter((m) => m.service === s.id).map((m) =>
        h(
          'div',
          { class: 'choice' },
          h('input', { type: 'checkbox', name: 'metric', value: m.id, id: `m-${m.id}` }),
          h('label', { for: `m-${m.id}` }, m.name),
        ),
      ),
    ),
  );
  form().replaceChildren(
    h(
      'fieldset',
      {},
      h('legend', {}, 'What should this tab show?'),
      radio('all', 'All services', true),
      radio('service', 'One service'),
      h('div', { class: 'indent' }, select),
      radio('metrics', 'Chosen metrics'),
      h('div', { class: 'indent metric-groups' }, ...groups),
    ),
  );
}

async function main(): Promise<void> {
  const host = await connectHost(new URLSearchParams(location.search));
  document.body.className = `theme-${host.theme}`;
  host.onThemeChange((t) => (document.body.className = `theme-${t}`));
  renderForm();
  const preview = $('preview') as HTMLAnchorElement;
  const update = () => {
    const spec = chosen();
    $('status').textContent = spec ? '' : 'Tick at least one metric.';
    if (spec) preview.href = urlOf(spec);
    if (host.inTeams) pages.config.setValidityState(!!spec);
  };
  form().addEventListener('change', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.name === 'service')
      (document.getElementById('kind-service') as HTMLInputElement).checked = true;
    if (target.name === 'metric')
      (document.getElementById('kind-metrics') as HTMLInputElement).checked = true;
    update();
  });
  if (host.inTeams) {
    pages.config.registerOnSaveHandler((save) => {
      const spec = chosen();
      if (!spec) return save.notifyFailure('Tick at least one metric.');
      pages.config
        .setConfig({
          entityId: `pulse-${queryOf(spec) || 'all'}`,
          contentUrl: urlOf(spec),
          websiteUrl: urlOf(spec),
          suggestedDisplayName: nameOf(spec),
        })
        .then(() => save.notifySuccess())
        .catch((err: unknown) => save.notifyFailure(String(err)));
    });
  }
  update();
}

void main();
