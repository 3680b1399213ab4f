/**
 * The Teams SSO consent fallback pages. Teams opens auth-start.html (from the sign-in card) when silent token exchange
 * needs consent; it sends the admin to Entra's authorize endpoint and back to auth-end.html, which tells Teams that
 * consent succeeded. Teams then sends `signin/verifyState` and retries the silent exchange. The token itself is never
 * handled by these pages.
 */
export function authStartPage(authorityHost: string): string {
  return page(
    'Signing in to M365 Pulse',
    `<p>Redirecting you to Microsoft sign-in…</p>
<script>
  const q = new URLSearchParams(location.search);
  const tenant = /^[A-Za-z0-9.-]+$/.test(q.get('tenantId') || '') ? q.get('tenantId') : 'organizations';
  const params = new URLSearchParams({
    client_id: q.get('clientId') || '',
    response_type: 'code',
    response_mode: 'fragment',
    scope: q.get('scope') || '',
    redirect_uri: location.origin + '/auth-end.html',
    state: crypto.randomUUID(),
    prompt: 'consent',
  });
  location.assign(${JSON.stringify(authorityHost)} + '/' + tenant + '/oauth2/v2.0/authorize?' + params);
</script>`,
  );
}

export function authEndPage(): string {
  return page(
    'Signed in',
    `<p id="status">Finishing sign-in…</p>
<script src="https://res.cdn.office.net/teams-js/2.34.0/js/MicrosoftTeams.min.js" crossorigin="anonymous"></script>
<script>
  const hash = new URLSearchParams(location.hash.slice(1));
  microsoftTeams.app.initialize().then(() => {
    if (hash.get('error')) microsoftTeams.authentication.notifyFailure(hash.get('error'));
    else microsoftTeams.authentication.notifySuccess();
  });
</script>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}
