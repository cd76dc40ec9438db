// One benchmark at a time per corpus folder: a run removes dist/ and adds a document for the
// incremental case, so two runs on the same folder would measure each other.
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessRunning } from '../lock/is-process-running.ts';

export const LOCK_NAME = 'bench.lock';

export async function lockCorpus(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && isProcessRunning(pid))
        throw new Error(
          `another benchmark (pid ${pid}) is using ${dir}; wait for it or pass --corpus DIR`,
        );
      // Left behind by a run that was killed.
      await rm(path, { force: true });
    }
  }
  throw new Error(`cannot lock ${dir}`);
}
