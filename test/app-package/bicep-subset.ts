/**
 * Just enough Bicep reading for drift tests on infra/azure.bicep: parameter declarations, the web app's
 * `appsettings`, and evaluation of the expressions those settings use (literals, parameters, named references).
 */

/** Parameter name -> default expression, or undefined when the parameter has no default (it must be passed). */
export function bicepParams(bicep: string): Map<string, string | undefined> {
  const params = new Map<string, string | undefined>();
  for (const m of bicep.matchAll(/^param\s+(\w+)\s+\w+(?:\s*=\s*(.+?))?\s*$/gm)) params.set(m[1], m[2]);
  return params;
}

/** Setting name -> Bicep expression, from the `properties` of the `Microsoft.Web/sites/config` resource. */
export function bicepAppSettings(bicep: string): Map<string, string> {
  const start = bicep.search(/^resource\s+\w+\s+'Microsoft\.Web\/sites\/config@/m);
  if (start < 0) throw new Error('no Microsoft.Web/sites/config resource');
  const lines = bicep.slice(bicep.indexOf('properties: {', start)).split('\n').slice(1);
  const settings = new Map<string, string>();
  for (const line of lines) {
    if (/^\s*}\s*$/.test(line)) break;
    const m = /^\s*(\w+):\s*(.+?)(?:\s+\/\/.*)?$/.exec(line);
    if (m) settings.set(m[1], m[2]);
  }
  return settings;
}

/**
 * Evaluates a setting: a 'literal' (its `${...}` interpolations evaluated in turn), a parameter (its passed value, else its literal default), or an expression
 * listed in `references`. Anything else throws, so a new kind of expression is noticed rather than guessed.
 */
export function evaluate(
  expr: string,
  params: Map<string, string | undefined>,
  passed: Readonly<Record<string, string>>,
  references: Readonly<Record<string, string>> = {},
): string {
  const literal = /^'([^']*)'$/.exec(expr);
  if (literal)
    return literal[1].replace(/\$\{([^}]+)\}/g, (_, inner: string) =>
      evaluate(inner.trim(), params, passed, references),
    );
  if (expr in references) return references[expr];
  if (params.has(expr)) {
    if (expr in passed) return passed[expr];
    const fallback = params.get(expr);
    if (fallback !== undefined) return evaluate(fallback, params, passed, references);
    throw new Error(`parameter ${expr} has no value and no default`);
  }
  throw new Error(`cannot evaluate Bicep expression: ${expr}`);
}

/** Names of the `@secure()` parameters: values that must never appear in an app setting. */
export function secureParams(bicep: string): string[] {
  return [...bicep.matchAll(/^@secure\(\)\s*\n(?:@.*\n)*param\s+(\w+)/gm)].map((m) => m[1]);
}

/** A top-level `resource` declaration: its symbolic name, type and the text between its braces. */
export interface BicepResource {
  symbol: string;
  type: string;
  body: string;
}

/** Every top-level resource, in file order. */
export function bicepResources(bicep: string): BicepResource[] {
  return [...bicep.matchAll(/^resource\s+(\w+)\s+'([^']+)'[^\n]*\{\n([\s\S]*?)^\}/gm)].map((m) => ({
    symbol: m[1],
    type: m[2].split('@')[0],
    body: m[3],
  }));
}

/** The expression of the first `key: expr` line in a resource body (comments dropped), or undefined. */
export function bicepProperty(resource: BicepResource, key: string): string | undefined {
  const m = new RegExp(`^\\s*${key}:\\s*(.+?)(?:\\s+//.*)?$`, 'm').exec(resource.body);
  return m?.[1];
}

/** `@Microsoft.KeyVault(SecretUri=${symbol.properties.secretUri})` as an app setting expression: the symbol, else undefined. */
export function keyVaultReferenceTo(expr: string): string | undefined {
  return /^'@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\.properties\.secretUri\}\)'$/.exec(expr)?.[1];
}
