export { MtprotoError, type MtprotoErrorCode } from './errors.js';
export { aesIgeDecrypt, aesIgeEncrypt } from './crypto/aes-ige.js';
export {
  AUTH_KEY_LENGTH,
  MSG_KEY_LENGTH,
  authKeyId,
  authKeyIdBytes,
  computeMsgKey,
  deriveAesKeyIv,
  type AesKeyIv,
  type Sender,
} from './crypto/keys.js';
export { secureRandomBytes, type RandomBytes } from './crypto/random.js';
export { cryptoBackend } from './crypto/suite.js';
export {
  decodePlainMessage,
  decryptMessage,
  encodePlainMessage,
  encryptMessage,
  type DecodePlainOptions,
  type DecryptedMessage,
  type DecryptMessageParams,
  type EncryptMessageParams,
  type PlainMessage,
  type Side,
} from './envelope.js';
export {
  MessageIdGenerator,
  SeqNoCounter,
  isMsgIdFrom,
  msgIdToUnixMs,
  type MessageIdGeneratorOptions,
  type MsgIdKind,
} from './msg-id.js';
export {
  DEFAULT_MAX_MSG_ID_AGE_MS,
  DEFAULT_MAX_MSG_ID_LEAD_MS,
  DEFAULT_MSG_ID_WINDOW,
  MsgIdGuard,
  type MsgIdGuardOptions,
} from './msg-id-guard.js';
export * from './service/index.js';
