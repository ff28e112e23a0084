// The benchmark's hand-written codecs are yardsticks for tlwire: they must give tlwire's bytes.
import { describe, expect, it } from 'vitest';
import { historyPage, getStatsUrlRequest, updateStream } from '../../bench/fixtures/data.js';
import { decodeHistory, encodeHistory, Unsupported } from '../../bench/handwritten/history.js';
import { writeGetStatsUrl, type HandInputPeer } from '../../bench/handwritten/stats-url.js';
import { deserialize, serialize } from '../../src/index.js';
import * as L133 from '../../src/generated/layer133/index.js';
import * as L228 from '../../src/generated/layer228/index.js';

describe('hand-written messages.getStatsURL writer', () => {
  const channel: HandInputPeer = { _: 'inputPeerChannel', channelId: 1n << 40n, accessHash: -(1n << 62n) };
  const peers: HandInputPeer[] = [
    { _: 'inputPeerEmpty' },
    { _: 'inputPeerSelf' },
    { _: 'inputPeerChat', chatId: 42n },
    { _: 'inputPeerUser', userId: 7n, accessHash: -1n },
    channel,
    { _: 'inputPeerUserFromMessage', peer: channel, msgId: 99, userId: 8n },
    { _: 'inputPeerChannelFromMessage', peer: { _: 'inputPeerChannelFromMessage', peer: channel, msgId: 1, channelId: 2n }, msgId: 3, channelId: 4n },
  ];
  const params = ['', 'a', 'abc', 'abcd', 'dark=1&lang=en', 'привет', '👍🚀', 'x'.repeat(253), 'x'.repeat(254), 'é'.repeat(200), 'y'.repeat(5000)];

  it('gives the bytes tlwire gives, for every InputPeer and for params of every length class', () => {
    for (const peer of peers) {
      for (const p of params) {
        for (const dark of [undefined, true] as const) {
          const value = { _: 'messages.getStatsURL' as const, dark, peer, params: p };
          expect(writeGetStatsUrl(value)).toEqual(serialize(L133.write_messages_getStatsURL, value));
        }
      }
    }
  });

  it('gives the benchmark fixture its 32 bytes', () => {
    const value = getStatsUrlRequest();
    expect(writeGetStatsUrl(value)).toEqual(serialize(L133.write_messages_getStatsURL, value));
    expect(writeGetStatsUrl(value).length).toBe(32);
  });
});

describe('hand-written codec for the history page', () => {
  const page = historyPage();
  const bytes = serialize(L228.write_messages_Messages, page);

  it('is a history page of about 13 KB: 50 messages, 10 users, 1 channel', () => {
    expect(page.messages).toHaveLength(50);
    expect(page.users).toHaveLength(10);
    expect(page.chats).toHaveLength(1);
    expect(bytes.length).toBeGreaterThan(12_500);
    expect(bytes.length).toBeLessThan(14_500);
  });

  it("encodes to tlwire's bytes and decodes to tlwire's value", () => {
    expect(encodeHistory(page)).toEqual(bytes);
    expect(decodeHistory(bytes)).toStrictEqual(deserialize(L228.read_messages_Messages, bytes));
  });

  it('refuses what it does not cover instead of guessing', () => {
    const withViews = { ...page, messages: [{ ...page.messages[0], views: 1, forwards: 0 }] };
    const viewsBytes = serialize(L228.write_messages_Messages, withViews);
    expect(() => decodeHistory(viewsBytes)).toThrow(Unsupported);
    const withTopic: L228.messages_messages = { ...page, topics: [{ _: 'forumTopicDeleted', id: 1 }] };
    expect(() => encodeHistory(withTopic)).toThrow(Unsupported);
  });

  it('rejects truncated input', () => {
    expect(() => decodeHistory(bytes.subarray(0, bytes.length - 3))).toThrow(RangeError);
  });
});

describe('update stream fixture', () => {
  it('is 1,000 updates that tlwire encodes and decodes back', () => {
    const updates = updateStream();
    expect(updates).toHaveLength(1000);
    for (const u of updates.slice(0, 50)) expect(deserialize(L228.read_Updates, serialize(L228.write_Updates, u))).toMatchObject(u);
  });
});
