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
  msgIdToUnixMs,
  type MessageIdGeneratorOptions,
  type MsgIdKind,
} from './msg-id.js';
export * from './service/index.js';
