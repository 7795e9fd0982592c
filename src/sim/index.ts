/**
 * The simulated outside world (`zhixing sim`): banks, registries and platforms that answer the
 * inquiry protocol of docs/protocols/inquiry.md over HTTP. Zhixing talks to it only over HTTP, so a
 * real institution can take its place; this surface is for starting it in-process (demo, tests, bench).
 */
export type { CallbackPolicy } from './callbacks.ts';
export {
  BODY_SCHEMAS,
  RESULT_SCHEMAS,
  type TAnswerAsset,
  type TEnvelope,
  type TRelation,
  ZAcceptedSchema,
  ZAnswerAssetSchema,
  ZEnvelopeSchema,
  ZErrorSchema,
  ZRelationSchema,
} from './contracts.ts';
export { INSTITUTIONS, institutionKeys } from './institutions.ts';
export {
  computeSignature,
  HEADER_CALLBACK_ID,
  HEADER_IDEMPOTENCY_KEY,
  HEADER_INSTITUTION,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  MAX_SKEW_MS,
  signRequest,
  verifySignature,
} from './signature.ts';
export {
  type SimInstitutionView,
  type SimStats,
  type Simulator,
  type StartSimulatorOptions,
  startSimulator,
} from './simulator.ts';
export type { AssetType, Institution, Knobs, Operation } from './types.ts';
