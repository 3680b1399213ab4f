import type { MetricDef } from '../domain/catalog-types';
import type { Incident } from '../monitor/incident';
import type { Rule } from '../monitor/rules';
import { formatChange, formatPointChange, formatValue } from './format';

/** A FactSet row. */
export interface Fact {
  title: string;
  value: string;
}

/** Deviation from the baseline in %, signed; undefined without both numbers or a positive baseline. */
export function changePct(value: number | null, baseline: number | null): number | undefined {
  return value !== null && baseline !== null && baseline > 0
    ? ((value - baseline) / baseline) * 100
    : undefined;
}

/**
 * The numbers of an incident in one line. `drop`/`rise` (and no rule): the value against the usual level and the
 * change, `1.2K vs usual 3.5K (▼ 64.7 %)`. `below`/`above`: the level against the rule's, `92.0 %, alert level
 * below 95.0 % (▼ 3.0 pt)`, percentages in points.
 */
export function valueLine(
  incident: Incident,
  metric: MetricDef,
  rule: Rule | undefined,
  locale: string,
): string {
  const fv = (v: number) => formatValue(v, metric.unit, locale);
  const { value, baseline } = incident;
  if (value === null) return 'no data in the newest bucket';
  if (rule && (rule.kind === 'below' || rule.kind === 'above')) {
    const gap =
      metric.unit === 'percent'
        ? ` (${formatPointChange(value - rule.threshold, locale)})`
        : rule.threshold > 0
          ? ` (${formatChange(((value - rule.threshold) / rule.threshold) * 100, locale)})`
          : '';
    return `${fv(value)}, alert level ${rule.kind} ${fv(rule.threshold)}${gap}`;
  }
  if (baseline === null) return `${fv(value)}, no usual level to compare with`;
  const pct = changePct(value, baseline);
  const change =
    metric.unit === 'percent'
      ? ` (${formatPointChange(value - baseline, locale)})`
      : pct === undefined
        ? ''
        : ` (${formatChange(pct, locale)})`;
  return `${fv(value)} vs usual ${fv(baseline)}${change}`;
}

/**
 * The FactSet of one incident: the value line (`Latest`, or `Last breach` once resolved), the usual level when the
 * value line compares with a fixed level, `Since` (`Lasted` once resolved) and the rule's description.
 */
export function valueFacts(
  incident: Incident,
  metric: MetricDef,
  rule: Rule | undefined,
  since: string,
  ruleText: string,
  locale: string,
): Fact[] {
  const facts: Fact[] = [
    {
      title: incident.state === 'resolved' ? 'Last breach' : 'Latest',
      value: valueLine(incident, metric, rule, locale),
    },
  ];
  const levelRule = rule && (rule.kind === 'below' || rule.kind === 'above');
  if (levelRule && incident.baseline !== null)
    facts.push({ title: 'Usual', value: formatValue(incident.baseline, metric.unit, locale) });
  facts.push({ title: incident.state === 'resolved' ? 'Lasted' : 'Since', value: since });
  facts.push({ title: 'Rule', value: ruleText });
  return facts;
}
