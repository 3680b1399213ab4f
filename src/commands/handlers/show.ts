import { buildMetricCard } from '../../cards/metric-card';
import type { Command } from '../command-types';
import type { CommandContext, Reply } from '../reply';
import type { CommandServices } from '../services';

/** `show <metric> [window] [every N min] [vs last week]`: one metric over a window, with a chart. */
export async function handleShow(
  command: Extract<Command, { name: 'show' }>,
  text: string,
  ctx: CommandContext,
  services: CommandServices,
): Promise<Reply> {
  const report = await services.metrics.series(command, { correlationId: ctx.correlationId });
  return {
    card: buildMetricCard({
      report,
      now: ctx.now,
      timeZone: ctx.timeZone,
      locale: ctx.locale,
      windowLabel: command.windowLabel,
      query: { text },
    }),
  };
}
