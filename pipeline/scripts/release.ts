// `npm run release -- [release options]`: the release step as the workflows and a person run it;
// the same code path as `kamervragen release` (see its --help).
import { main } from '../cli/main.ts';

process.exitCode = await main(['release', ...process.argv.slice(2)]);
