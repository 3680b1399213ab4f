import assert from 'node:assert/strict';
import { PlaygroundSession } from '../helpers/playground-session';

describe('Agents Playground, headless (REST in, recording out)', function () {
  this.timeout(60_000);
  const session = new PlaygroundSession();
  before(() => session.start());
  after(() => session.stop());

  it('delivers "help" to the bot and records the help card it answers with', async () => {
    const config = await session.config();
    await session.say(config.personalChat.id, 'help', config.currentUser.id);
    const reply = await session.waitForBotMessage(config.personalChat.id, (b) =>
      JSON.stringify(b).includes('M365 Pulse commands'),
    );
    const [attachment] = reply.attachments as { contentType: string; content: { version: string } }[];
    assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(attachment.content.version, '1.5');
    assert.match(JSON.stringify(attachment.content), /help \[command\]/);
  });

  it('answers a typo in the same chat with a suggestion', async () => {
    const config = await session.config();
    await session.say(config.personalChat.id, 'hlep', config.currentUser.id);
    await session.waitForBotMessage(config.personalChat.id, (b) =>
      JSON.stringify(b).includes('Did you mean `help`?'),
    );
  });
});
