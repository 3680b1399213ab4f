import { parse } from 'yaml';
import { placeholdersIn } from './placeholders';
import { readRepoText } from './repo-files';

/** One action of a teamsapp*.yml lifecycle stage. */
export interface ToolkitAction {
  uses: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  writeToEnvironmentFile?: Record<string, string>;
}

/** A Teams Toolkit project file (teamsapp.yml, teamsapp.local.yml). */
export interface ToolkitProject {
  version: string;
  environmentFolderPath?: string;
  provision?: ToolkitAction[];
  deploy?: ToolkitAction[];
  publish?: ToolkitAction[];
}

export const STAGES = ['provision', 'deploy', 'publish'] as const;

/** Parses a teamsapp*.yml from the repository. */
export function readToolkitProject(file: string): ToolkitProject {
  return parse(readRepoText(file)) as ToolkitProject;
}

/** Output names of a Bicep template (`output NAME type = ...`); arm/deploy writes them to the environment. */
export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]);
}

/** The variables an action writes to the environment when it runs. */
export function outputsOf(action: ToolkitAction): string[] {
  const out = Object.values(action.writeToEnvironmentFile ?? {});
  if (action.uses === 'arm/deploy') {
    for (const t of templatesOf(action)) out.push(...bicepOutputs(readRepoText(t.path)));
  }
  // aadApp/update generates the access_as_user scope id when it is empty (and uses it in the same run).
  if (action.uses === 'aadApp/update') out.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
  return out;
}

/** Every placeholder an action resolves: in its arguments and in the template files it reads. */
export function placeholdersUsedBy(action: ToolkitAction): string[] {
  const files: string[] = [];
  const manifestPath = action.with?.manifestPath;
  if (typeof manifestPath === 'string') files.push(manifestPath);
  for (const t of templatesOf(action)) if (t.parameters) files.push(t.parameters);
  const text =
    JSON.stringify([action.with ?? {}, action.env ?? {}]) + files.map((f) => readRepoText(f)).join('\n');
  return placeholdersIn(text);
}

/**
 * Walks provision, deploy and publish in order, as `teamsapp provision`, `deploy` and `publish` run them, and lists
 * each placeholder used before anything defines it. `known` holds what the environment has before provisioning.
 */
export function usedBeforeDefined(
  project: ToolkitProject,
  known: Iterable<string>,
): { stage: string; uses: string; name: string }[] {
  const defined = new Set(known);
  const problems: { stage: string; uses: string; name: string }[] = [];
  for (const stage of STAGES) {
    for (const action of project[stage] ?? []) {
      if (action.uses === 'aadApp/update') outputsOf(action).forEach((o) => defined.add(o));
      for (const name of placeholdersUsedBy(action)) {
        if (!defined.has(name)) problems.push({ stage, uses: action.uses, name });
      }
      outputsOf(action).forEach((o) => defined.add(o));
    }
  }
  return problems;
}

function templatesOf(action: ToolkitAction): { path: string; parameters?: string }[] {
  const templates = action.with?.templates;
  return Array.isArray(templates) ? (templates as { path: string; parameters?: string }[]) : [];
}
