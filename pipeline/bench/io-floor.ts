// The I/O floor of a build: the time to read every input byte and write as many bytes out.
// No build can beat it on the same disk and page cache, so wall / floor says how much of the
// build is work rather than I/O.
import { createWriteStream } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';

export interface IoFloor {
  seconds: number;
  files: number;
  bytes: number;
}

export async function measureIoFloor(documents: string, scratchFile: string): Promise<IoFloor> {
  const start = performance.now();
  const entries = await readdir(documents, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  let bytes = 0;
  // A few reads in flight, as a reasonable reader would have; not one at a time, not all at once.
  for (let i = 0; i < paths.length; i += 16) {
    const chunk = await Promise.all(paths.slice(i, i + 16).map((p) => readFile(p)));
    for (const b of chunk) bytes += b.length;
  }
  const out = createWriteStream(scratchFile);
  const block = Buffer.alloc(1 << 20, 0x61);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!out.write(left >= block.length ? block : block.subarray(0, left)))
      await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const seconds = (performance.now() - start) / 1000;
  await rm(scratchFile, { force: true });
  return { seconds, files: paths.length, bytes };
}
