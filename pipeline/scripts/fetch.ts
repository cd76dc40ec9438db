// `tsx pipeline/scripts/fetch.ts [fetch options]`: the fetch step on its own, as the workflows
// and a person run it; the same code path as `kamervragen fetch` (see its --help).
import { main } from '../cli/main.ts';

process.exitCode = await main(['fetch', ...process.argv.slice(2)]);
