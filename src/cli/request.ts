import type { IntervalMinutes, MetricDef, ServiceDef } from '../domain/catalog-types';
import type { ConnectionFlags } from './connection';
import type { OutputFormat } from './output/view';
import type { WindowSpec } from './time-window';

/** A parsed command line: what to do, before any I/O. */
export type CliRequest =
  | { command: 'help'; text: string }
  | { command: 'metrics'; service?: ServiceDef; format: OutputFormat }
  | {
      command: 'query';
      metric: MetricDef;
      window: WindowSpec;
      format: OutputFormat;
      connection: ConnectionFlags;
    }
  | {
      command: 'status';
      service?: ServiceDef;
      intervalMinutes: IntervalMinutes;
      format: OutputFormat;
      connection: ConnectionFlags;
    }
  | { command: 'simulate'; argv: string[] };
