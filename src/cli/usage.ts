import { SIMULATOR_USAGE } from '../simulator/cli-args';

const CONNECTION = `Connection:
  --token TOKEN    Graph access token (or set GRAPH_TOKEN); without one, app-only sign-in with
                   AAD_APP_CLIENT_ID, AAD_APP_CLIENT_SECRET and AAD_APP_TENANT_ID (client credentials;
                   AAD_APP_OAUTH_AUTHORITY_HOST, MSAL_AUTHORITY_METADATA, MSAL_CLOUD_DISCOVERY_METADATA honoured)
  --tenant ID      tenant id (default: the token's tid claim, then AAD_APP_TENANT_ID)
  --graph URL      Microsoft Graph base URL (default: GRAPH_BASE_URL or https://graph.microsoft.com)`;

const OUTPUT = `Output:
  --json | --csv   JSON array or RFC 4180 CSV instead of the aligned table`;

/** `m365-pulse --help`. */
export const MAIN_USAGE = `Usage: m365-pulse <command> [options]

Microsoft 365 service health telemetry (Microsoft Graph serviceActivity) in the terminal.

Commands:
  metrics    List the 39 metrics and what to type for them
  query      One metric over a time window
  status     Latest complete bucket of every metric, with the change against last week
  simulate   Run the simulated tenant (Graph and Entra endpoints) on this machine

Run 'm365-pulse <command> --help' for a command's options.
Exit codes: 0 done, 1 Microsoft Graph or sign-in failed, 2 wrong command line or configuration.`;

/** Help text per command. */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  metrics: `Usage: m365-pulse metrics [--service S] [--json | --csv]

Lists the metric catalog. S is a service id or alias: exchange (exo, mail), teams, onedrive (odb),
web (office), entra (aad, identity), networkAccess (gsa).

${OUTPUT}`,
  query: `Usage: m365-pulse query <metric> [--last 6h | --from ISO [--to ISO]] [--interval 5|10|15|30] [--json | --csv]

One metric over a window, one row per bucket (buckets without data say "no data").
<metric> is a metric id (mail-delivery), an alias ("mail flow") or the exact Graph function name.
  --last D         the D up to the newest complete bucket: 90m, 6h, 2d, 1w (default 6h)
  --from ISO       window start, e.g. 2024-10-02T10:00Z (no offset means UTC)
  --to ISO         window end (default: the end of the newest complete bucket)
  --interval N     bucket minutes: 5, 10, 15 (default) or 30
Graph keeps 30 days; a start further back is refused.

${CONNECTION}

${OUTPUT}`,
  status: `Usage: m365-pulse status [--service S] [--interval 5|10|15|30] [--json | --csv]

Newest complete bucket of every metric (or one service's), the same bucket a week earlier and the change,
fetched in one batched round (at most 2 HTTP requests for all 39 metrics).
Metrics that fail are listed with the reason, and the exit code is then 1.
  --service S      exchange, teams, onedrive, web, entra, networkAccess, or an alias
  --interval N     bucket minutes: 5, 10, 15 (default) or 30

${CONNECTION}

${OUTPUT}`,
  simulate: `${SIMULATOR_USAGE.replace(/^Usage: simulate/, 'Usage: m365-pulse simulate').replace(
    /\n {16}/,
    '\n                           ',
  )}

Runs the simulated tenant (Graph serviceActivity and Entra token endpoints) on this machine until Ctrl-C.
--port defaults to 4300; 0 picks a free port. Details: docs/simulator.md.`,
};
