/**
 * Parses PostgreSQL binary COPY output (a header, tuples of length-prefixed fields, a trailer) out
 * of a stream of chunks, calling `onRow` per complete row with the positions and lengths of its
 * fields in the buffer (−1: null). No row objects: the matching index reads millions of rows.
 */
export function createCopyParser(
  onRow: (buf: Buffer, fieldStarts: Int32Array, fieldLengths: Int32Array) => void,
): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let isHeaderRead = false;
  const starts = new Int32Array(32);
  const lengths = new Int32Array(32);
  return (chunk: Buffer) => {
    const buf = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let at = 0;
    if (!isHeaderRead) {
      if (buf.length < 19) {
        pending = buf;
        return;
      }
      at = 19 + buf.readInt32BE(15);
      isHeaderRead = true;
    }
    for (;;) {
      if (at + 2 > buf.length) break;
      const fields = buf.readInt16BE(at);
      if (fields === -1) {
        at += 2;
        break;
      }
      let p = at + 2;
      let isComplete = true;
      for (let f = 0; f < fields; f++) {
        if (p + 4 > buf.length) {
          isComplete = false;
          break;
        }
        const length = buf.readInt32BE(p);
        p += 4;
        starts[f] = p;
        lengths[f] = length;
        if (length > 0) p += length;
        if (p > buf.length) {
          isComplete = false;
          break;
        }
      }
      if (!isComplete) break;
      onRow(buf, starts, lengths);
      at = p;
    }
    pending = at >= buf.length ? Buffer.alloc(0) : buf.subarray(at);
  };
}
