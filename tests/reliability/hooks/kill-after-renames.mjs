// Loaded into a CLI process with --import: SIGKILLs the process right after its Nth rename of a
// staged file into KAMERVRAGEN_TEST_KILL_DIR. That is the window of a switch, a few
// milliseconds that a kill at a random time rarely hits.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import process from 'node:process';
import { resolve, sep } from 'node:path';

const after = Number(process.env.KAMERVRAGEN_TEST_KILL_AFTER_RENAMES);
const dir = process.env.KAMERVRAGEN_TEST_KILL_DIR ?? '';
const rename = fs.promises.rename;
let count = 0;
fs.promises.rename = async (from, to) => {
  await rename(from, to);
  const staged = String(from).includes(`${sep}.staging-`);
  if (staged && resolve(String(to)).startsWith(dir + sep) && ++count === after)
    process.kill(process.pid, 'SIGKILL');
};
// ESM imports of node:fs/promises see the patched function only after this.
syncBuiltinESMExports();
