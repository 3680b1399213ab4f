import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR } from './golden';
import { schemaProblems, teamsRuleProblems } from './card-rules';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...extra,
});
const textBlock = { type: 'TextBlock', text: 'Mail delivery', wrap: true };

describe('cards: schema and Teams rules (the checks themselves)', () => {
  it('accepts a valid card with Teams extensions: a Chart.* element and msteams', () => {
    const ok = card([textBlock, { type: 'Chart.Line', title: 'Mail', data: [], fallback: textBlock }], {
      msteams: { width: 'Full' },
      actions: [
        { type: 'Action.Execute', title: 'Refresh', verb: 'status.refresh', data: { service: 'exchange' } },
        { type: 'Action.Submit', title: 'help', data: { msteams: { type: 'imBack', value: 'help' } } },
      ],
    });
    assert.deepEqual(schemaProblems(ok), []);
    assert.deepEqual(teamsRuleProblems(ok), []);
  });

  it('finds a misspelt element type, a misspelt property and an input without an id', () => {
    const problems = schemaProblems(
      card([
        { type: 'TextBlok', text: 'x' },
        { type: 'TextBlock', text: 'x', wrapp: true },
        { type: 'Input.Text', label: 'Note' },
      ]),
    );
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /UnknownElementType: .*"TextBlok"/);
    assert.match(problems.join('\n'), /PropertyCantBeNull: All inputs must have a unique Id/);
    assert.match(problems.join('\n'), /UnknownProperty: "wrapp" on TextBlock/);
  });

  it('finds an unknown action type and a misspelt property in a ShowCard', () => {
    const problems = schemaProblems(
      card([textBlock], {
        actions: [
          { type: 'Action.Exec', title: 'x' },
          {
            type: 'Action.ShowCard',
            title: 'Snooze…',
            card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x', sise: 'Small' }] },
          },
        ],
      }),
    );
    assert.match(problems.join('\n'), /UnknownActionType/);
    assert.match(problems.join('\n'), /"sise" on TextBlock/);
  });

  it('refuses version 1.6, a card over 28 KB, reserved names in button data and an input without an id', () => {
    const big = card([{ ...textBlock, text: 'x'.repeat(29 * 1024) }]);
    assert.match(teamsRuleProblems(big).join('\n'), /bytes, above 28672/);
    assert.match(teamsRuleProblems(card([textBlock], { version: '1.6' })).join('\n'), /version 1.6/);
    const buttons = card([{ type: 'Input.Text', label: 'Note' }], {
      actions: [
        {
          type: 'Action.Execute',
          title: 'Acknowledge',
          verb: 'alert.ack',
          data: { incidentId: 'a', key: 'k' },
        },
        { type: 'Action.Execute', title: 'x', verb: 'x', data: { nested: { ref: 1 } } },
        { type: 'Action.Execute', title: 'x', verb: 'x', data: { msteams: { type: 'imBack', value: 'x' } } },
      ],
    });
    const problems = teamsRuleProblems(buttons).join('\n');
    assert.match(problems, /Action.Execute data uses the reserved name "key"/);
    assert.match(problems, /reserved name "ref"/);
    assert.match(problems, /reserved name "msteams"/);
    assert.match(problems, /Input.Text without an id/);
  });
});

describe('cards: every golden card passes the schema and Teams rules', () => {
  const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json'));

  it('covers every kind of card the bot sends', () => {
    const kinds = [
      'alert-',
      'board',
      'catalog',
      'error-',
      'help',
      'history-',
      'metric-',
      'notice-',
      'open-alerts',
      'rules-',
      'status-',
      'subscriptions-',
      'welcome-',
      'whoami',
    ];
    for (const kind of kinds)
      assert.ok(
        files.some((f) => f.startsWith(kind)),
        `a golden card for ${kind}`,
      );
  });

  for (const file of files) {
    it(file, () => {
      const json = JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(schemaProblems(json), [], 'schema');
      assert.deepEqual(teamsRuleProblems(json), [], 'Teams rules');
    });
  }
});
