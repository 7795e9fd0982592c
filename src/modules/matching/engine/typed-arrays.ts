/** Growable typed-array helpers for the matching index. */
export function grownU8(array: Uint8Array, capacity: number): Uint8Array {
  if (capacity <= array.length) return array;
  const next = new Uint8Array(capacity);
  next.set(array);
  return next;
}

export function grownU16(array: Uint16Array, capacity: number): Uint16Array {
  if (capacity <= array.length) return array;
  const next = new Uint16Array(capacity);
  next.set(array);
  return next;
}

export function grownU32(array: Uint32Array, capacity: number): Uint32Array {
  if (capacity <= array.length) return array;
  const next = new Uint32Array(capacity);
  next.set(array);
  return next;
}

export function grownI32(array: Int32Array, capacity: number, fill = 0): Int32Array {
  if (capacity <= array.length) return array;
  const next = new Int32Array(capacity);
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export function nextPowerOfTwo(n: number): number {
  let p = 16;
  while (p < n) p *= 2;
  return p;
}
