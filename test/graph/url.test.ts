import assert from 'node:assert/strict';
import {
  buildBatchUrl,
  buildMetricPath,
  buildMetricUrl,
  DEFAULT_GRAPH_BASE_URL,
  formatGraphDateTime,
  normaliseBaseUrl,
} from '../../src/graph/url';

const window = {
  start: new Date('2024-10-02T10:30:00Z'),
  end: new Date('2024-10-02T10:59:59Z'),
  intervalMinutes: 10 as const,
};

describe('graph/url', () => {
  it('builds the documented absolute URL with unquoted whole-second UTC literals', () => {
    assert.equal(
      buildMetricUrl(DEFAULT_GRAPH_BASE_URL, 'getConnectivityMetricsForExchange', window),
      'https://graph.microsoft.com/beta/reports/serviceActivity/getConnectivityMetricsForExchange(' +
        'inclusiveIntervalStartDateTime=2024-10-02T10:30:00Z,exclusiveIntervalEndDateTime=2024-10-02T10:59:59Z,' +
        'aggregationIntervalInMinutes=10)',
    );
  });

  it('builds the relative form used as a $batch item url', () => {
    assert.equal(
      buildMetricPath('getMetricsForMfaSignInSuccess', { ...window, intervalMinutes: 5 }),
      '/reports/serviceActivity/getMetricsForMfaSignInSuccess(inclusiveIntervalStartDateTime=2024-10-02T10:30:00Z,' +
        'exclusiveIntervalEndDateTime=2024-10-02T10:59:59Z,aggregationIntervalInMinutes=5)',
    );
  });

  it('keeps a base path, strips trailing slashes and builds the batch endpoint', () => {
    assert.equal(normaliseBaseUrl('http://127.0.0.1:3978/'), 'http://127.0.0.1:3978');
    assert.equal(normaliseBaseUrl('https://proxy.example/graph//'), 'https://proxy.example/graph');
    assert.equal(buildBatchUrl('http://127.0.0.1:3978/'), 'http://127.0.0.1:3978/beta/$batch');
    assert.match(
      buildMetricUrl('https://proxy.example/graph/', 'getX', window),
      /^https:\/\/proxy\.example\/graph\/beta\/reports\//,
    );
  });

  it('rejects bases that are not http(s) URLs', () => {
    assert.throws(() => normaliseBaseUrl('graph.microsoft.com'), /not a URL/);
    assert.throws(() => normaliseBaseUrl('ftp://graph.microsoft.com'), /must be http\(s\)/);
    assert.throws(() => normaliseBaseUrl('https://graph.microsoft.com/?x=1'), /query or fragment/);
  });

  it('refuses function names that could change the path', () => {
    assert.throws(() => buildMetricPath('getX/../../me', window), /Not a serviceActivity function name/);
    assert.throws(() => buildMetricPath('getX(a=1)', window), /Not a serviceActivity function name/);
    assert.throws(() => buildMetricPath('', window), /Not a serviceActivity function name/);
  });

  it('refuses fractional seconds and invalid dates instead of silently rounding', () => {
    assert.equal(formatGraphDateTime(new Date('2024-10-02T10:30:00.000Z')), '2024-10-02T10:30:00Z');
    assert.throws(() => formatGraphDateTime(new Date('2024-10-02T10:30:00.500Z')), /whole seconds/);
    assert.throws(() => formatGraphDateTime(new Date('nope')), /invalid date/);
  });
});
