// Name-based UUIDs (version 5, RFC 9562): HSDS wants UUIDs for every id, ours are cuids.
// The same entry always gets the same UUID, so that an HSDS consumer can follow it from
// one export to the next.
import { createHash } from 'node:crypto';

/** Namespace of this directory's UUIDs (a random UUID drawn once; never change it). */
export const DIRECTORY_NAMESPACE = '6f0d9a8e-3c1b-4e47-9a52-0b8e6c2f7d14';

function bytesOf(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

export function uuidV5(name: string, namespace = DIRECTORY_NAMESPACE): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
