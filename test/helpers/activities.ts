import { randomUUID } from 'node:crypto';

export const TENANT = '00000000-0000-4000-8000-000000000001';
export const BOT = { id: '28:00000000-0000-4000-8000-0000000000b0', name: 'M365 Pulse' };
export const ADELE = {
  id: '29:adele',
  name: 'Adele Vance',
  aadObjectId: '00000000-0000-4000-8000-00000000a001',
};

export type Scope = 'personal' | 'groupChat' | 'channel';

const CONVERSATIONS: Record<Scope, Record<string, unknown>> = {
  personal: { id: 'a:personal-adele', conversationType: 'personal', tenantId: TENANT },
  groupChat: {
    id: '19:ops-chat@thread.v2',
    conversationType: 'groupChat',
    isGroup: true,
    tenantId: TENANT,
    name: 'Ops',
  },
  channel: {
    id: '19:m365-alerts@thread.tacv2',
    conversationType: 'channel',
    isGroup: true,
    tenantId: TENANT,
  },
};

/** A Teams activity as the channel would POST it, with everything turn state needs. */
export function activity(
  serviceUrl: string,
  overrides: Record<string, unknown> & { scope?: Scope; tenantId?: string } = {},
): Record<string, unknown> {
  const { scope = 'personal', tenantId = TENANT, ...rest } = overrides;
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (scope === 'channel') {
    channelData.team = { id: '19:it-ops@thread.tacv2', name: 'IT Operations' };
    channelData.channel = { id: '19:m365-alerts@thread.tacv2', name: 'M365 Alerts' };
  }
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: ADELE,
    recipient: BOT,
    conversation: { ...CONVERSATIONS[scope], tenantId },
    channelData,
    locale: 'en-US',
    ...rest,
  };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function mentionMessage(serviceUrl: string, text: string): Record<string, unknown> {
  return activity(serviceUrl, {
    scope: 'channel',
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  });
}

/** POSTs an activity (or any body) to the bot and returns status and parsed body. */
export async function post(
  botUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}
