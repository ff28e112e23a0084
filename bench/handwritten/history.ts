/**
 * A hand-written codec for the history page of case 3, for calibration: what a specialist reaches
 * for the same contract as tlwire (plain objects with every field of the constructor, `bigint`
 * for `long`, every string decoded, a fresh Uint8Array out). It covers the constructors and
 * fields of that response only and throws `Unsupported` on anything else: a yardstick, not a codec.
 */

export class Unsupported extends Error {}

type Obj = { _: string } & Record<string, unknown>;

// ---- encoding: one scratch buffer, grown when needed, the result copied out ----

let out = new Uint8Array(64 * 1024);
let outView = new DataView(out.buffer);
let p = 0;
const encoder = new TextEncoder();

function room(n: number): void {
  if (p + n <= out.length) return;
  const bigger = new Uint8Array(Math.max(out.length * 2, p + n));
  bigger.set(out.subarray(0, p));
  out = bigger;
  outView = new DataView(out.buffer);
}

function u32(v: number): void {
  room(4);
  outView.setUint32(p, v, true);
  p += 4;
}

function i32(v: number): void {
  room(4);
  outView.setInt32(p, v, true);
  p += 4;
}

function i64(v: bigint): void {
  room(8);
  outView.setBigInt64(p, v, true);
  p += 8;
}

function str(s: string): void {
  room(4 + s.length * 3 + 3);
  const start = p;
  let ascii = s.length <= 253;
  for (let i = 0; ascii && i < s.length; i++) ascii = s.charCodeAt(i) < 0x80;
  let n: number;
  if (ascii) {
    n = s.length;
    out[p++] = n;
    for (let i = 0; i < n; i++) out[p++] = s.charCodeAt(i);
  } else {
    n = encoder.encodeInto(s, out.subarray(p + 4)).written;
    if (n <= 253) {
      out.copyWithin(p + 1, p + 4, p + 4 + n);
      out[p++] = n;
    } else {
      out[p] = 0xfe;
      out[p + 1] = n & 0xff;
      out[p + 2] = (n >> 8) & 0xff;
      out[p + 3] = n >> 16;
      p += 4;
    }
    p += n;
  }
  while ((p - start) & 3) out[p++] = 0;
}

function bytes(b: Uint8Array): void {
  room(b.length + 7);
  const start = p;
  if (b.length <= 253) out[p++] = b.length;
  else {
    out[p] = 0xfe;
    out[p + 1] = b.length & 0xff;
    out[p + 2] = (b.length >> 8) & 0xff;
    out[p + 3] = b.length >> 16;
    p += 4;
  }
  out.set(b, p);
  p += b.length;
  while ((p - start) & 3) out[p++] = 0;
}

function vectorOf(items: readonly Obj[], write: (v: Obj) => void): void {
  u32(0x1cb5c415);
  i32(items.length);
  for (const item of items) write(item);
}

const bit = (on: unknown, value: number): number => (on ? value : 0);

function writePeer(v: Obj): void {
  switch (v._) {
    case 'peerUser':
      u32(0x59511722);
      return i64(v.userId as bigint);
    case 'peerChat':
      u32(0x36c6019a);
      return i64(v.chatId as bigint);
    case 'peerChannel':
      u32(0xa2a5371e);
      return i64(v.channelId as bigint);
    default:
      throw new Unsupported(v._);
  }
}

const ENTITY_IDS: Record<string, number> = {
  messageEntityMention: 0xfa04579d,
  messageEntityUrl: 0x6ed02538,
  messageEntityBold: 0xbd610bc9,
  messageEntityItalic: 0x826f8b60,
  messageEntityCode: 0x28a20571,
};

function writeEntity(v: Obj): void {
  if (v._ === 'messageEntityTextUrl') {
    u32(0x76a6d327);
    i32(v.offset as number);
    i32(v.length as number);
    return str(v.url as string);
  }
  const id = ENTITY_IDS[v._];
  if (id === undefined) throw new Unsupported(v._);
  u32(id);
  i32(v.offset as number);
  i32(v.length as number);
}

function writeMessage(v: Obj): void {
  if (v._ !== 'message') throw new Unsupported(v._);
  const flags =
    bit(v.out, 2) | bit(v.mentioned, 16) | bit(v.mediaUnread, 32) | bit(v.silent, 8192) | bit(v.post, 16384) | bit(v.fromScheduled, 262144) | bit(v.legacy, 524288) | bit(v.editHide, 2097152) | bit(v.pinned, 16777216) | bit(v.noforwards, 67108864) | bit(v.invertMedia, 134217728) |
    bit(v.replyTo, 8) | bit(v.entities, 128) | bit(v.fromId, 256) | bit(v.editDate !== undefined, 32768);
  const flags2 = bit(v.offline, 2) | bit(v.videoProcessingPending, 16) | bit(v.paidSuggestedPostStars, 256) | bit(v.paidSuggestedPostTon, 512);
  u32(0x7600b9d3);
  u32(flags);
  u32(flags2);
  i32(v.id as number);
  if (v.fromId) writePeer(v.fromId as Obj);
  writePeer(v.peerId as Obj);
  if (v.replyTo) {
    const r = v.replyTo as Obj;
    u32(0x1b97dd66);
    u32(bit(r.replyToScheduled, 4) | bit(r.forumTopic, 8) | bit(r.quote, 512) | bit(r.replyToEphemeral, 8192) | bit(r.replyToMsgId !== undefined, 16));
    if (r.replyToMsgId !== undefined) i32(r.replyToMsgId as number);
  }
  i32(v.date as number);
  str(v.message as string);
  if (v.entities) vectorOf(v.entities as Obj[], writeEntity);
  if (v.editDate !== undefined) i32(v.editDate as number);
}

function writeUserStatus(v: Obj): void {
  switch (v._) {
    case 'userStatusEmpty':
      return u32(0x09d05049);
    case 'userStatusOnline':
      u32(0xedb93949);
      return i32(v.expires as number);
    case 'userStatusOffline':
      u32(0x008c703f);
      return i32(v.wasOnline as number);
    case 'userStatusRecently':
      u32(0x7b197dc8);
      return u32(bit(v.byMe, 1));
    default:
      throw new Unsupported(v._);
  }
}

function writeUser(v: Obj): void {
  if (v._ !== 'user') throw new Unsupported(v._);
  const flags =
    bit(v.self, 1024) | bit(v.contact, 2048) | bit(v.mutualContact, 4096) | bit(v.deleted, 8192) | bit(v.botChatHistory, 32768) | bit(v.botNochats, 65536) | bit(v.verified, 131072) | bit(v.min, 1048576) | bit(v.botInlineGeo, 2097152) | bit(v.support, 8388608) | bit(v.scam, 16777216) | bit(v.applyMinPhoto, 33554432) | bit(v.fake, 67108864) | bit(v.botAttachMenu, 134217728) | bit(v.premium, 268435456) | bit(v.attachMenuEnabled, 536870912) |
    bit(v.accessHash !== undefined, 1) | bit(v.firstName !== undefined, 2) | bit(v.lastName !== undefined, 4) | bit(v.username !== undefined, 8) | bit(v.phone !== undefined, 16) | bit(v.photo, 32) | bit(v.status, 64) | bit(v.bot || v.botInfoVersion !== undefined, 16384) | bit(v.langCode !== undefined, 4194304);
  u32(0xb1b8cc83);
  u32(flags);
  u32(bit(v.botCanEdit, 2) | bit(v.closeFriend, 4) | bit(v.storiesHidden, 8) | bit(v.storiesUnavailable, 16) | bit(v.contactRequirePremium, 1024) | bit(v.botBusiness, 2048) | bit(v.botHasMainApp, 8192) | bit(v.botForumView, 65536) | bit(v.botForumCanManageTopics, 131072) | bit(v.botCanManageBots, 262144) | bit(v.botGuestchat, 524288) | bit(v.botGuard, 1048576));
  i64(v.id as bigint);
  if (v.accessHash !== undefined) i64(v.accessHash as bigint);
  if (v.firstName !== undefined) str(v.firstName as string);
  if (v.lastName !== undefined) str(v.lastName as string);
  if (v.username !== undefined) str(v.username as string);
  if (v.phone !== undefined) str(v.phone as string);
  if (v.photo) {
    const ph = v.photo as Obj;
    if (ph._ === 'userProfilePhotoEmpty') u32(0x4f11bae1);
    else {
      u32(0x82d1f706);
      u32(bit(ph.hasVideo, 1) | bit(ph.personal, 4) | bit(ph.strippedThumb, 2));
      i64(ph.photoId as bigint);
      if (ph.strippedThumb) bytes(ph.strippedThumb as Uint8Array);
      i32(ph.dcId as number);
    }
  }
  if (v.status) writeUserStatus(v.status as Obj);
  if (v.botInfoVersion !== undefined) i32(v.botInfoVersion as number);
  if (v.langCode !== undefined) str(v.langCode as string);
}

function writeChannel(v: Obj): void {
  if (v._ !== 'channel') throw new Unsupported(v._);
  const flags =
    bit(v.creator, 1) | bit(v.left, 4) | bit(v.broadcast, 32) | bit(v.verified, 128) | bit(v.megagroup, 256) | bit(v.signatures, 2048) | bit(v.min, 4096) | bit(v.scam, 524288) | bit(v.hasLink, 1048576) | bit(v.hasGeo, 2097152) | bit(v.slowmodeEnabled, 4194304) | bit(v.callActive, 8388608) | bit(v.callNotEmpty, 16777216) | bit(v.fake, 33554432) | bit(v.gigagroup, 67108864) | bit(v.noforwards, 134217728) | bit(v.joinToSend, 268435456) | bit(v.joinRequest, 536870912) | bit(v.forum, 1073741824) |
    bit(v.accessHash !== undefined, 8192) | bit(v.username !== undefined, 64) | bit(v.participantsCount !== undefined, 131072);
  u32(0xd49f34c6);
  u32(flags);
  u32(bit(v.storiesHidden, 2) | bit(v.storiesHiddenMin, 4) | bit(v.storiesUnavailable, 8) | bit(v.signatureProfiles, 4096) | bit(v.autotranslation, 32768) | bit(v.broadcastMessagesAllowed, 65536) | bit(v.monoforum, 131072) | bit(v.forumTabs, 524288));
  i64(v.id as bigint);
  if (v.accessHash !== undefined) i64(v.accessHash as bigint);
  str(v.title as string);
  if (v.username !== undefined) str(v.username as string);
  const ph = v.photo as Obj;
  if (ph._ === 'chatPhotoEmpty') u32(0x37c1011c);
  else {
    u32(0x1c6e1c11);
    u32(bit(ph.hasVideo, 1) | bit(ph.strippedThumb, 2));
    i64(ph.photoId as bigint);
    if (ph.strippedThumb) bytes(ph.strippedThumb as Uint8Array);
    i32(ph.dcId as number);
  }
  i32(v.date as number);
  if (v.participantsCount !== undefined) i32(v.participantsCount as number);
}

/** messages.messages -> its bytes (boxed). */
export function encodeHistory(value: { _: string }): Uint8Array {
  const v = value as Obj;
  if (v._ !== 'messages.messages' || (v.topics as Obj[]).length !== 0) throw new Unsupported(v._);
  p = 0;
  u32(0x1d73e7ea);
  vectorOf(v.messages as Obj[], writeMessage);
  vectorOf([], writeMessage);
  vectorOf(v.chats as Obj[], writeChannel);
  vectorOf(v.users as Obj[], writeUser);
  return out.slice(0, p);
}

// ---- decoding: bounds checked, strings decoded ----

let buf: Uint8Array = new Uint8Array(0);
let view: DataView = new DataView(buf.buffer);
let at = 0;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function need(n: number): void {
  if (at + n > buf.length) throw new RangeError(`truncated at ${at}`);
}

function readU32(): number {
  need(4);
  const v = view.getUint32(at, true);
  at += 4;
  return v;
}

function readI32(): number {
  need(4);
  const v = view.getInt32(at, true);
  at += 4;
  return v;
}

function readI64(): bigint {
  need(8);
  const v = view.getBigInt64(at, true);
  at += 8;
  return v;
}

function readLength(): number {
  need(1);
  const first = buf[at];
  if (first <= 253) {
    at += 1;
    return first;
  }
  if (first === 255) throw new RangeError(`bad length prefix at ${at}`);
  need(4);
  const n = buf[at + 1] | (buf[at + 2] << 8) | (buf[at + 3] << 16);
  if (n < 254) throw new RangeError(`long length prefix for ${n} bytes at ${at}`);
  at += 4;
  return n;
}

function skipPad(start: number): void {
  const padded = start + ((at - start + 3) & ~3);
  need(padded - at);
  for (; at < padded; at++) if (buf[at] !== 0) throw new RangeError(`non-zero padding at ${at}`);
}

function readStr(): string {
  const start = at;
  const n = readLength();
  need(n);
  const end = at + n;
  // Short ASCII (names, usernames) by hand; the rest through TextDecoder, which checks the UTF-8.
  let ascii = n <= 32;
  for (let i = at; ascii && i < end; i++) ascii = buf[i] < 0x80;
  const s = ascii ? String.fromCharCode.apply(null, buf.subarray(at, end) as unknown as number[]) : decoder.decode(buf.subarray(at, end));
  at = end;
  skipPad(start);
  return s;
}

function readBytes(): Uint8Array {
  const start = at;
  const n = readLength();
  need(n);
  const v = buf.slice(at, at + n);
  at += n;
  skipPad(start);
  return v;
}

function readCount(): number {
  if (readU32() !== 0x1cb5c415) throw new Unsupported('not a vector');
  const n = readI32();
  if (n < 0 || n * 4 > buf.length - at) throw new RangeError(`bad vector count ${n}`);
  return n;
}

function unsupportedBits(flags: number, known: number, what: string): void {
  if ((flags & ~known) !== 0) throw new Unsupported(`${what} flags 0x${(flags >>> 0).toString(16)}`);
}

const t = (flags: number, mask: number): true | undefined => ((flags & mask) !== 0 ? true : undefined);

function readPeer(): Obj {
  const id = readU32();
  if (id === 0x59511722) return { _: 'peerUser', userId: readI64() };
  if (id === 0xa2a5371e) return { _: 'peerChannel', channelId: readI64() };
  if (id === 0x36c6019a) return { _: 'peerChat', chatId: readI64() };
  throw new Unsupported(`Peer 0x${id.toString(16)}`);
}

function readEntity(): Obj {
  const id = readU32();
  switch (id) {
    case 0x76a6d327:
      return { _: 'messageEntityTextUrl', offset: readI32(), length: readI32(), url: readStr() };
    case 0xfa04579d:
      return { _: 'messageEntityMention', offset: readI32(), length: readI32() };
    case 0x6ed02538:
      return { _: 'messageEntityUrl', offset: readI32(), length: readI32() };
    case 0xbd610bc9:
      return { _: 'messageEntityBold', offset: readI32(), length: readI32() };
    case 0x826f8b60:
      return { _: 'messageEntityItalic', offset: readI32(), length: readI32() };
    case 0x28a20571:
      return { _: 'messageEntityCode', offset: readI32(), length: readI32() };
    default:
      throw new Unsupported(`MessageEntity 0x${id.toString(16)}`);
  }
}

function readReplyHeader(): Obj {
  if (readU32() !== 0x1b97dd66) throw new Unsupported('MessageReplyHeader');
  const f = readU32();
  unsupportedBits(f, 4 | 8 | 512 | 8192 | 16, 'messageReplyHeader');
  return {
    _: 'messageReplyHeader', replyToScheduled: t(f, 4), forumTopic: t(f, 8), quote: t(f, 512), replyToEphemeral: t(f, 8192),
    replyToMsgId: f & 16 ? readI32() : undefined, replyToPeerId: undefined, replyFrom: undefined, replyMedia: undefined, replyToTopId: undefined,
    quoteText: undefined, quoteEntities: undefined, quoteOffset: undefined, todoItemId: undefined, pollOption: undefined,
  };
}

const MESSAGE_TRUE = 2 | 16 | 32 | 8192 | 16384 | 262144 | 524288 | 2097152 | 16777216 | 67108864 | 134217728;

function readMessage(): Obj {
  if (readU32() !== 0x7600b9d3) throw new Unsupported('Message');
  const f = readU32();
  unsupportedBits(f, MESSAGE_TRUE | 8 | 128 | 256 | 32768, 'message');
  const f2 = readU32();
  unsupportedBits(f2, 2 | 16 | 256 | 512, 'message flags2');
  const id = readI32();
  const fromId = f & 256 ? readPeer() : undefined;
  const peerId = readPeer();
  const replyTo = f & 8 ? readReplyHeader() : undefined;
  const date = readI32();
  const message = readStr();
  let entities: Obj[] | undefined;
  if (f & 128) {
    const n = readCount();
    entities = new Array<Obj>(n);
    for (let i = 0; i < n; i++) entities[i] = readEntity();
  }
  const editDate = f & 32768 ? readI32() : undefined;
  return {
    _: 'message', out: t(f, 2), mentioned: t(f, 16), mediaUnread: t(f, 32), silent: t(f, 8192), post: t(f, 16384), fromScheduled: t(f, 262144), legacy: t(f, 524288), editHide: t(f, 2097152), pinned: t(f, 16777216), noforwards: t(f, 67108864), invertMedia: t(f, 134217728),
    offline: t(f2, 2), videoProcessingPending: t(f2, 16), paidSuggestedPostStars: t(f2, 256), paidSuggestedPostTon: t(f2, 512),
    id, fromId, fromBoostsApplied: undefined, fromRank: undefined, peerId, savedPeerId: undefined, fwdFrom: undefined, viaBotId: undefined, viaBusinessBotId: undefined, guestchatViaFrom: undefined, replyTo, date, message,
    media: undefined, replyMarkup: undefined, entities, views: undefined, forwards: undefined, replies: undefined, editDate, postAuthor: undefined, groupedId: undefined, reactions: undefined, restrictionReason: undefined, ttlPeriod: undefined, quickReplyShortcutId: undefined,
    effect: undefined, factcheck: undefined, reportDeliveryUntilDate: undefined, paidMessageStars: undefined, suggestedPost: undefined, scheduleRepeatPeriod: undefined, summaryFromLanguage: undefined, richMessage: undefined,
  };
}

function readUserStatus(): Obj {
  const id = readU32();
  if (id === 0x008c703f) return { _: 'userStatusOffline', wasOnline: readI32() };
  if (id === 0x7b197dc8) {
    const f = readU32();
    unsupportedBits(f, 1, 'userStatusRecently');
    return { _: 'userStatusRecently', byMe: t(f, 1) };
  }
  if (id === 0xedb93949) return { _: 'userStatusOnline', expires: readI32() };
  if (id === 0x09d05049) return { _: 'userStatusEmpty' };
  throw new Unsupported(`UserStatus 0x${id.toString(16)}`);
}

function readUserPhoto(): Obj {
  const id = readU32();
  if (id === 0x4f11bae1) return { _: 'userProfilePhotoEmpty' };
  if (id !== 0x82d1f706) throw new Unsupported(`UserProfilePhoto 0x${id.toString(16)}`);
  const f = readU32();
  unsupportedBits(f, 7, 'userProfilePhoto');
  const photoId = readI64();
  const strippedThumb = f & 2 ? readBytes() : undefined;
  return { _: 'userProfilePhoto', hasVideo: t(f, 1), personal: t(f, 4), photoId, strippedThumb, dcId: readI32() };
}

const USER_TRUE = 1024 | 2048 | 4096 | 8192 | 32768 | 65536 | 131072 | 1048576 | 2097152 | 8388608 | 16777216 | 33554432 | 67108864 | 134217728 | 268435456 | 536870912;
const USER_TRUE2 = 2 | 4 | 8 | 16 | 1024 | 2048 | 8192 | 65536 | 131072 | 262144 | 524288 | 1048576;

function readUser(): Obj {
  if (readU32() !== 0xb1b8cc83) throw new Unsupported('User');
  const f = readU32();
  unsupportedBits(f, USER_TRUE | 1 | 2 | 4 | 8 | 16 | 32 | 64 | 16384 | 4194304, 'user');
  const f2 = readU32();
  unsupportedBits(f2, USER_TRUE2, 'user flags2');
  const id = readI64();
  const accessHash = f & 1 ? readI64() : undefined;
  const firstName = f & 2 ? readStr() : undefined;
  const lastName = f & 4 ? readStr() : undefined;
  const username = f & 8 ? readStr() : undefined;
  const phone = f & 16 ? readStr() : undefined;
  const photo = f & 32 ? readUserPhoto() : undefined;
  const status = f & 64 ? readUserStatus() : undefined;
  const botInfoVersion = f & 16384 ? readI32() : undefined;
  const langCode = f & 4194304 ? readStr() : undefined;
  return {
    _: 'user', self: t(f, 1024), contact: t(f, 2048), mutualContact: t(f, 4096), deleted: t(f, 8192), bot: t(f, 16384), botChatHistory: t(f, 32768), botNochats: t(f, 65536), verified: t(f, 131072), restricted: undefined, min: t(f, 1048576), botInlineGeo: t(f, 2097152), support: t(f, 8388608), scam: t(f, 16777216), applyMinPhoto: t(f, 33554432), fake: t(f, 67108864), botAttachMenu: t(f, 134217728), premium: t(f, 268435456), attachMenuEnabled: t(f, 536870912),
    botCanEdit: t(f2, 2), closeFriend: t(f2, 4), storiesHidden: t(f2, 8), storiesUnavailable: t(f2, 16), contactRequirePremium: t(f2, 1024), botBusiness: t(f2, 2048), botHasMainApp: t(f2, 8192), botForumView: t(f2, 65536), botForumCanManageTopics: t(f2, 131072), botCanManageBots: t(f2, 262144), botGuestchat: t(f2, 524288), botGuard: t(f2, 1048576),
    id, accessHash, firstName, lastName, username, phone, photo, status, botInfoVersion, restrictionReason: undefined, botInlinePlaceholder: undefined, langCode, emojiStatus: undefined, usernames: undefined, storiesMaxId: undefined, color: undefined, profileColor: undefined, botActiveUsers: undefined, botVerificationIcon: undefined, sendPaidMessagesStars: undefined, linkedCommunityId: undefined,
  };
}

const CHANNEL_TRUE = 1 | 4 | 32 | 128 | 256 | 2048 | 4096 | 524288 | 1048576 | 2097152 | 4194304 | 8388608 | 16777216 | 33554432 | 67108864 | 134217728 | 268435456 | 536870912 | 1073741824;
const CHANNEL_TRUE2 = 2 | 4 | 8 | 4096 | 32768 | 65536 | 131072 | 524288;

function readChannel(): Obj {
  if (readU32() !== 0xd49f34c6) throw new Unsupported('Chat');
  const f = readU32();
  unsupportedBits(f, CHANNEL_TRUE | 8192 | 64 | 131072, 'channel');
  const f2 = readU32();
  unsupportedBits(f2, CHANNEL_TRUE2, 'channel flags2');
  const id = readI64();
  const accessHash = f & 8192 ? readI64() : undefined;
  const title = readStr();
  const username = f & 64 ? readStr() : undefined;
  const photoId = readU32();
  let photo: Obj;
  if (photoId === 0x37c1011c) photo = { _: 'chatPhotoEmpty' };
  else if (photoId === 0x1c6e1c11) {
    const pf = readU32();
    unsupportedBits(pf, 3, 'chatPhoto');
    const pid = readI64();
    const strippedThumb = pf & 2 ? readBytes() : undefined;
    photo = { _: 'chatPhoto', hasVideo: t(pf, 1), photoId: pid, strippedThumb, dcId: readI32() };
  } else throw new Unsupported(`ChatPhoto 0x${photoId.toString(16)}`);
  const date = readI32();
  const participantsCount = f & 131072 ? readI32() : undefined;
  return {
    _: 'channel', creator: t(f, 1), left: t(f, 4), broadcast: t(f, 32), verified: t(f, 128), megagroup: t(f, 256), restricted: undefined, signatures: t(f, 2048), min: t(f, 4096), scam: t(f, 524288), hasLink: t(f, 1048576), hasGeo: t(f, 2097152), slowmodeEnabled: t(f, 4194304), callActive: t(f, 8388608), callNotEmpty: t(f, 16777216), fake: t(f, 33554432), gigagroup: t(f, 67108864), noforwards: t(f, 134217728), joinToSend: t(f, 268435456), joinRequest: t(f, 536870912), forum: t(f, 1073741824),
    storiesHidden: t(f2, 2), storiesHiddenMin: t(f2, 4), storiesUnavailable: t(f2, 8), signatureProfiles: t(f2, 4096), autotranslation: t(f2, 32768), broadcastMessagesAllowed: t(f2, 65536), monoforum: t(f2, 131072), forumTabs: t(f2, 524288),
    id, accessHash, title, username, photo, date, restrictionReason: undefined, adminRights: undefined, bannedRights: undefined, defaultBannedRights: undefined, participantsCount, usernames: undefined, storiesMaxId: undefined, color: undefined, profileColor: undefined, emojiStatus: undefined, level: undefined, subscriptionUntilDate: undefined, botVerificationIcon: undefined, sendPaidMessagesStars: undefined, linkedMonoforumId: undefined, linkedCommunityId: undefined,
  };
}

function readVector(read: () => Obj): Obj[] {
  const n = readCount();
  const items = new Array<Obj>(n);
  for (let i = 0; i < n; i++) items[i] = read();
  return items;
}

/** The bytes of a boxed messages.messages -> the value. */
export function decodeHistory(bytes: Uint8Array): Obj {
  buf = bytes;
  view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  at = 0;
  if (readU32() !== 0x1d73e7ea) throw new Unsupported('messages.Messages');
  const messages = readVector(readMessage);
  const topics = readVector(() => {
    throw new Unsupported('ForumTopic');
  });
  const chats = readVector(readChannel);
  const users = readVector(readUser);
  if (at !== buf.length) throw new RangeError(`${buf.length - at} bytes left over`);
  return { _: 'messages.messages', messages, topics, chats, users };
}
