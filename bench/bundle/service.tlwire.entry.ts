// What a client needs to send any method and read any answer: the registry and the service
// layer (rpc_result typed by method, rpc_error, gzip_packed, msg_container), without the model.
import { LayerCodec } from 'tlwire';
import { ServiceCodec } from 'tlwire/mtproto';
import { registry } from 'tlwire/layer228';

export const service = new ServiceCodec(new LayerCodec(registry));
