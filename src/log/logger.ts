import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino censors. Tokens, assertions and secrets must never reach a log line, whatever object they ride in on.
 */
export const REDACT_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'refreshToken',
  '*.refreshToken',
  'refresh_token',
  '*.refresh_token',
  'id_token',
  '*.id_token',
  'assertion',
  '*.assertion',
  'oboAssertion',
  '*.oboAssertion',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'tokenCacheKey',
  '*.tokenCacheKey',
];

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

/** Removes anything shaped like a JWT from free text (error messages can quote a token). */
export function scrubText(text: string): string {
  return text.replace(JWT, '[jwt]');
}

/** Creates the process logger: JSON lines, secrets redacted, error messages scrubbed of JWTs. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'm365-pulse' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        err: (err: Error) => {
          const s = pino.stdSerializers.err(err);
          return { ...s, message: scrubText(s.message ?? ''), stack: scrubText(s.stack ?? '') };
        },
      },
    },
    destination,
  );
}
