import assert from 'node:assert/strict';
import { readerOf } from '../../src/teams/turn-context';

describe('teams/turn-context: the reader of a turn', () => {
  const clientInfo = (locale: unknown, timezone: unknown) => [
    { type: 'mention' },
    { type: 'clientInfo', locale, timezone, country: 'DE', platform: 'Web' },
  ];

  it('takes the activity locale and localTimezone first', () => {
    assert.deepEqual(
      readerOf({
        locale: 'de-DE',
        localTimezone: 'Europe/Berlin',
        entities: clientInfo('ja-JP', 'Asia/Tokyo'),
      }),
      { locale: 'de-DE', timeZone: 'Europe/Berlin' },
    );
  });

  it("falls back to Teams' clientInfo entity, canonicalising the locale", () => {
    assert.deepEqual(readerOf({ entities: clientInfo('ja-jp', 'Asia/Tokyo') }), {
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('falls back to en-US and UTC for missing or unknown values', () => {
    assert.deepEqual(readerOf({}), { locale: 'en-US', timeZone: 'UTC' });
    assert.deepEqual(
      readerOf({ locale: '!!', localTimezone: 'Mars/Olympus', entities: clientInfo(42, null) }),
      {
        locale: 'en-US',
        timeZone: 'UTC',
      },
    );
  });
});
