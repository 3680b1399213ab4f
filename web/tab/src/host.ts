import { app, authentication } from '@microsoft/teams-js';

/** Teams' three themes; the page follows the host's, or `?theme=` outside Teams. */
export type Theme = 'default' | 'dark' | 'contrast';

/** What the page knows of where it runs: inside Teams (with an SSO token source) or standalone (the demo). */
export interface Host {
  inTeams: boolean;
  theme: Theme;
  locale: string;
  timeZone: string;
  /** "Ops team › Alerts", when pinned in a channel. */
  place?: string;
  /** A Teams SSO token for the tab API; undefined outside Teams (the demo server signs in its demo identity). */
  token(): Promise<string | undefined>;
  onThemeChange(handler: (theme: Theme) => void): void;
  openLink(url: string): void;
}

/** `default`, `dark` or `contrast`; Teams' other values (e.g. `glass`) read as default. */
export function asTheme(value: string | null | undefined): Theme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Connects to Teams when framed by it (2 s at most), else describes the standalone page from its query. */
export async function connectHost(query: URLSearchParams): Promise<Host> {
  const standalone: Host = {
    inTeams: false,
    theme: asTheme(query.get('theme')),
    locale: query.get('locale') ?? navigator.language ?? 'en-US',
    timeZone: query.get('tz') ?? browserZone(),
    token: async () => undefined,
    onThemeChange: () => undefined,
    openLink: (url) => window.open(url, '_blank', 'noopener'),
  };
  if (window.parent === window && !window.opener) return standalone;
  try {
    await withTimeout(app.initialize(), 2_000);
    const context = await app.getContext();
    const place = [context.team?.displayName, context.channel?.displayName].filter(Boolean).join(' › ');
    return {
      inTeams: true,
      theme: query.has('theme') ? asTheme(query.get('theme')) : asTheme(context.app.theme),
      locale: context.app.locale || standalone.locale,
      timeZone: context.app.osLocaleInfo?.timezone ?? standalone.timeZone,
      place: place || undefined,
      token: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(asTheme(t))),
      openLink: (url) => void app.openLink(url).catch(() => window.open(url, '_blank', 'noopener')),
    };
  } catch {
    return standalone;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

/** Tells Teams the page has loaded (it keeps its loading indicator until then). */
export function notifyLoaded(host: Host): void {
  if (!host.inTeams) return;
  app.notifySuccess();
}
