/**
 * restify 11 (via spdy) touches `process.binding('http_parser')` on Node 20, which prints DEP0111 on every start.
 * It is harmless (restify 12 needs Node 22); hide that one warning and keep every other.
 */
process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  if (warning.code === 'DEP0111') return;
  console.warn(`${warning.name}: ${warning.message}`);
});
