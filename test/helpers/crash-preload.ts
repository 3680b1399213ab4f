/**
 * Preloaded (`node -r`) into a bot process by the crash tests: SIGUSR2 makes the process fail the way a bug would,
 * as an unhandled rejection or (with PULSE_TEST_CRASH=exception) an uncaught exception. Production code has no hook.
 */
process.on('SIGUSR2', () => {
  if (process.env.PULSE_TEST_CRASH === 'exception')
    setImmediate(() => {
      throw new Error('injected uncaught exception');
    });
  else void Promise.reject(new Error('injected unhandled rejection'));
});
