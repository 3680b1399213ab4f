/** A capture connector in its own process, so the benchmarked bot does not pay for parsing its own replies. */
import { CaptureConnector } from '../../test/helpers/capture-connector';

const connector = new CaptureConnector();
void connector.start().then((url) => {
  process.stdout.write(`${url}\n`);
  setInterval(() => connector.clear(), 1_000).unref();
});
process.on('SIGTERM', () => void connector.stop().then(() => process.exit(0)));
