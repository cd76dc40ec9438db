// Writing through the page cache costs this machine's kernel about 2.5 ms of CPU per MB for
// fresh pages; writing with O_DIRECT goes to the device from our own buffers and costs almost
// none (2 GB: 5.5 s of system CPU buffered against 0.3 s direct). The dataset's record files are
// written whole, once, in large aligned chunks, so they are written directly where the system
// allows it. O_DIRECT wants the memory, the file offset and the length aligned to the device's
// block size: offsets and lengths are multiples of the chunk size, and memory is aligned by
// probing. JavaScript cannot see an address, so a buffer is allocated a little larger and the
// first offset at which the kernel accepts a direct write of one block is the aligned start.
import { constants, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** The largest alignment probed for (and the size of the probe write). */
export const ALIGN = 4096;

/**
 * A second handle on `path` for direct writes, or null where the system or file system does
 * not offer them (the caller then writes through its ordinary handle).
 */
export async function openDirect(path: string): Promise<FileHandle | null> {
  const flag = (constants as { O_DIRECT?: number }).O_DIRECT;
  if (flag === undefined) return null;
  return open(path, constants.O_WRONLY | flag).catch(() => null);
}

/**
 * A view of `size` bytes inside `buffer` (allocated `size + ALIGN` long) that direct writes
 * accept, found by writing one block of it at offset 0 of the file (which the caller overwrites
 * later); null when no offset works.
 */
export function alignedView(direct: FileHandle, buffer: Buffer, size: number): Buffer | null {
  for (let offset = 0; offset <= ALIGN; offset += 16) {
    try {
      writeSync(direct.fd, buffer, offset, ALIGN, 0);
      return buffer.subarray(offset, offset + size);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL') return null;
    }
  }
  return null;
}
