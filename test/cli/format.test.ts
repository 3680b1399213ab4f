import assert from 'node:assert/strict';
import { csvField, renderCsv } from '../../src/cli/output/csv';
import { renderJson } from '../../src/cli/output/json';
import { formatBucket, formatChange, formatCount, formatValue, round2 } from '../../src/cli/output/numbers';
import { render } from '../../src/cli/output/render';
import { cellText, renderTable } from '../../src/cli/output/table';
import type { Cell, View } from '../../src/cli/output/view';

const VIEW: View = {
  title: ['Two rows'],
  columns: [
    { key: 'name', header: 'name' },
    { key: 'count', header: 'count', align: 'right' },
    { key: 'tags', header: 'tags', inTable: false },
    { key: 'short', header: 'short', tableOnly: true },
    { key: 'maybe', header: 'maybe', hideWhenEmpty: true },
  ],
  rows: [
    { name: 'alpha', count: 5, tags: ['a', 'b'], short: 'x', maybe: null },
    { name: 'b, "beta"', count: 12345, tags: [], short: 'y', maybe: '' },
  ],
};

describe('cli/output: table, CSV and JSON (pure)', () => {
  it('csvField quotes exactly what RFC 4180 requires', () => {
    const cases: [Cell, string][] = [
      ['plain', 'plain'],
      ['', ''],
      [null, ''],
      [42, '42'],
      [-0.5, '-0.5'],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['line\nbreak', '"line\nbreak"'],
      ['cr\rlf', '"cr\rlf"'],
      ['  spaced  ', '  spaced  '],
      [['x', 'y, z'], '"x; y, z"'],
      [[], ''],
    ];
    for (const [cell, expected] of cases) assert.equal(csvField(cell), expected, JSON.stringify(cell));
  });

  it('renderCsv: header of keys, data columns only, CRLF records', () => {
    assert.equal(renderCsv(VIEW), 'name,count,tags,maybe\r\nalpha,5,a; b,\r\n"b, ""beta""",12345,,\r\n');
    assert.equal(renderCsv({ columns: VIEW.columns, rows: [] }), 'name,count,tags,maybe\r\n');
  });

  it('renderJson: an array of objects in column order, null for missing, lists as arrays', () => {
    assert.equal(
      renderJson(VIEW),
      `${JSON.stringify(
        [
          { name: 'alpha', count: 5, tags: ['a', 'b'], maybe: null },
          { name: 'b, "beta"', count: 12345, tags: [], maybe: '' },
        ],
        null,
        2,
      )}\n`,
    );
    assert.equal(
      renderJson({ columns: [{ key: 'k', header: 'k' }], rows: [{}] }),
      '[\n  {\n    "k": null\n  }\n]\n',
    );
  });

  it('renderTable: title, upper-case headings, left and right alignment, hidden and empty columns left out', () => {
    assert.equal(
      renderTable(VIEW),
      ['Two rows', '', 'NAME       COUNT  SHORT', 'alpha          5  x', 'b, "beta"  12345  y', ''].join(
        '\n',
      ),
    );
  });

  it('renderTable: custom cell text, null as -, newlines flattened, no trailing spaces', () => {
    const view: View = {
      columns: [
        { key: 'a', header: 'a' },
        { key: 'b', header: 'b', text: (v, row) => `${String(v)}/${String(row.a)}` },
        { key: 'c', header: 'c' },
      ],
      rows: [
        { a: null, b: 1, c: 'two\nlines' },
        { a: 'long value', b: 2, c: '' },
      ],
    };
    assert.equal(
      renderTable(view),
      [
        'A           B             C',
        '-           1/null        two lines',
        'long value  2/long value',
        '',
      ].join('\n'),
    );
    assert.equal(cellText(['x', 'y']), 'x, y');
  });

  it('render picks the format', () => {
    assert.equal(render(VIEW, 'csv'), renderCsv(VIEW));
    assert.equal(render(VIEW, 'json'), renderJson(VIEW));
    assert.equal(render(VIEW, 'table'), renderTable(VIEW));
  });
});

describe('cli/output/numbers (pure)', () => {
  it('formats counts, percentages, changes and bucket times', () => {
    const counts: [number, string][] = [
      [0, '0'],
      [999, '999'],
      [1000, '1,000'],
      [1234567, '1,234,567'],
      [1234.5, '1,234.5'],
      [12.345, '12.35'],
      [-4321, '-4,321'],
    ];
    for (const [v, text] of counts) assert.equal(formatCount(v), text, String(v));
    assert.equal(formatValue(99.956, 'percent'), '99.96%');
    assert.equal(formatValue(100, 'percent'), '100.00%');
    assert.equal(formatValue(20248, 'count'), '20,248');
    const changes: [number, string][] = [
      [12.34, '+12.3%'],
      [-8.65, '-8.6%'],
      [0, '0.0%'],
      [0.04, '0.0%'],
      [-0.04, '0.0%'],
      [225, '+225.0%'],
    ];
    for (const [v, text] of changes) assert.equal(formatChange(v), text, String(v));
    assert.equal(formatBucket('2024-10-02T10:30:00Z'), '2024-10-02 10:30');
    assert.equal(round2(4.4166666), 4.42);
    assert.equal(round2(-81.818181), -81.82);
  });
});
