/**
 * Request and callback signing of the inquiry protocol (docs/protocols/inquiry.md): the platform's
 * signed HTTP protocol, which every outside party speaks (platform/signed-http.ts).
 */
export {
  checkSignature,
  computeSignature,
  maxClockSkewMs,
  protocolHeaders,
  type SignatureCheck,
  signHeaders,
} from '../../../platform/signed-http.ts';
