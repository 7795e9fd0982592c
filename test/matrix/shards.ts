import { createHash } from 'node:crypto';

/**
 * The generated route tests (access matrix, hostile input) are split into this many test files by
 * a stable hash of each operation's key, so a route added later lands in one shard without moving
 * the others, and each file stays well inside the per-file time limit on a busy machine.
 */
export const routeShards = 3;

export function shardOf(operationKey: string): number {
  return (createHash('sha256').update(operationKey).digest().readUInt32BE(0) % routeShards) + 1;
}

export function isInShard(operationKey: string, shard: number): boolean {
  return shardOf(operationKey) === shard;
}
