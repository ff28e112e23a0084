// GramJS's MTProtoSender: what it uses to send calls and read rpc_result, rpc_error, gzip_packed
// and msg_container answers (with its Api).
import { MTProtoSender } from 'telegram/network/MTProtoSender.js';

export const Sender = MTProtoSender;
