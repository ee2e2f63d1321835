// Scratch typed arrays reused from call to call. A million-row cutback needs a dozen arrays of a
// million entries; allocated afresh on every call they are external memory, and V8 answers each
// such burst with a full collection of the whole heap (the workbook's ranges included), which took
// longer than the split itself. Each slot keeps its largest array, so memory stays at the largest
// call's size. The engine is synchronous and a slot is used by one function at a time, so a caller
// must not hold a scratch array across another call that uses the same slot.

const floats = new Map<string, Float64Array>();
const ints = new Map<string, Int32Array>();
const bytes = new Map<string, Uint8Array>();
const words = new Map<string, Uint32Array>();

/** At least n doubles, contents left from the last use. */
export function scratchFloat64(slot: string, n: number): Float64Array {
  let a = floats.get(slot);
  if (a === undefined || a.length < n) floats.set(slot, (a = new Float64Array(n)));
  return a;
}

/** At least n 32-bit integers, contents left from the last use. */
export function scratchInt32(slot: string, n: number): Int32Array {
  let a = ints.get(slot);
  if (a === undefined || a.length < n) ints.set(slot, (a = new Int32Array(n)));
  return a;
}

/** At least n unsigned 32-bit integers, contents left from the last use. */
export function scratchUint32(slot: string, n: number): Uint32Array {
  let a = words.get(slot);
  if (a === undefined || a.length < n) words.set(slot, (a = new Uint32Array(n)));
  return a;
}

/** At least n bytes, contents left from the last use. */
export function scratchUint8(slot: string, n: number): Uint8Array {
  let a = bytes.get(slot);
  if (a === undefined || a.length < n) bytes.set(slot, (a = new Uint8Array(n)));
  return a;
}

/** At least n bytes, the first n set to 0. */
export function scratchZeroBytes(slot: string, n: number): Uint8Array {
  let a = bytes.get(slot);
  if (a === undefined || a.length < n) bytes.set(slot, (a = new Uint8Array(n)));
  else a.fill(0, 0, n);
  return a;
}
