import type { BrowserContext, Page } from 'playwright-core';

/** What the fake Teams client tells the tab: its context and the SSO token it hands out. */
export interface FakeTeamsContext {
  theme: 'default' | 'dark' | 'contrast';
  locale: string;
  timeZone: string;
  tenantId: string;
  /** `authentication.getAuthToken()` answers with this token (or fails when it returns undefined). */
  token(): string | undefined;
}

/** The Teams web client's origin, which teams-js trusts; the host page is served there by a browser route. */
export const TEAMS_ORIGIN = 'https://teams.microsoft.com';

/**
 * A stand-in for the Teams web client that frames a tab and answers teams-js over postMessage, following the
 * messages teams-js 2.x sends (`initialize`, `getContext`, `registerHandler`, `authentication.getAuthToken`, …):
 * replies carry the request's `id` and `uuid` and an `args` array. `https://teams.microsoft.com/fake-host` and the tab's
 * `https://<tabHost>` are served by routes in the browser context (the tab's requests go to `backendUrl`), so the tab
 * runs on the https origins Teams would use, offline.
 */
export async function openInFakeTeams(
  browser: BrowserContext,
  opts: { tabUrl: string; backendUrl: string; context: FakeTeamsContext },
): Promise<{ page: Page; setTheme(theme: string): Promise<void> }> {
  const tab = new URL(opts.tabUrl);
  const page = await browser.newPage();
  await page.route(`${TEAMS_ORIGIN}/fake-host`, (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: hostPage(opts.tabUrl) }),
  );
  await page.route(`${tab.origin}/**`, async (r) => {
    const url = new URL(r.request().url());
    const auth = r.request().headers().authorization;
    const res = await fetch(`${opts.backendUrl}${url.pathname}${url.search}`, {
      headers: auth ? { authorization: auth } : {},
    });
    const headers = Object.fromEntries(
      [...res.headers].filter(([k]) => !/^content-(encoding|length)$/.test(k)),
    );
    await r.fulfill({ status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) });
  });
  const c = opts.context;
  await page.exposeFunction('fakeTeamsToken', () => c.token() ?? null);
  await page.exposeFunction('fakeTeamsContext', () => ({
    theme: c.theme,
    locale: c.locale,
    tid: c.tenantId,
    teamId: '19:it-ops@thread.tacv2',
    teamName: 'IT Operations',
    channelId: '19:m365-alerts@thread.tacv2',
    channelName: 'M365 Alerts',
    hostClientType: 'web',
    frameContext: 'content',
    userObjectId: '00000000-0000-4000-8000-00000000a001',
    appSessionId: 'fake-session',
    osLocaleInfo: { timezone: c.timeZone },
  }));
  await page.goto(`${TEAMS_ORIGIN}/fake-host`);
  return {
    page,
    setTheme: (theme) => page.evaluate(`window.sendToTab('themeChange', [${JSON.stringify(theme)}])`),
  };
}

function hostPage(tabUrl: string): string {
  const runtime = JSON.stringify({
    apiVersion: 4,
    isLegacyTeams: false,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      app: {},
      appEntity: {},
      pages: { config: {}, tabs: {}, backStack: {} },
      teams: {},
      authentication: {},
    },
  });
  return `<!doctype html><html><head><title>Fake Teams</title></head><body style="margin:0">
<iframe id="tab" title="tab" src="${tabUrl}" style="border:0;width:100vw;height:100vh"></iframe>
<script>
const frame = document.getElementById('tab');
window.sendToTab = (func, args) => frame.contentWindow.postMessage({ func, args }, new URL(frame.src).origin);
window.addEventListener('message', async (e) => {
  const m = e.data;
  if (!m || typeof m !== 'object' || typeof m.func !== 'string') return;
  const reply = (args) => e.source.postMessage({ id: m.id, uuid: m.uuid, args }, e.origin);
  if (m.func === 'initialize') return reply(['content', 'web', ${JSON.stringify(runtime)}, '2.0.0']);
  if (m.func === 'getContext') return reply([await window.fakeTeamsContext()]);
  if (m.func === 'authentication.getAuthToken') {
    const token = await window.fakeTeamsToken();
    return reply(token ? [true, token] : [false, 'resourceRequiresConsent']);
  }
  reply([]);
});
</script></body></html>`;
}
