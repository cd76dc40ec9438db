// The kamervragen CLI as the benchmark runs it: the same main() as bin/kamervragen.mjs, and on
// exit the process's own resource usage (peak RSS of all its threads, CPU time) is written to
// the file named by KAMERVRAGEN_BENCH_USAGE.
import { writeFileSync } from 'node:fs';
import { main } from '../cli/main.ts';

const code = await main(process.argv.slice(2));
const target = process.env.KAMERVRAGEN_BENCH_USAGE;
if (target) {
  const usage = process.resourceUsage();
  writeFileSync(
    target,
    JSON.stringify({
      maxRssKb: usage.maxRSS,
      userMs: usage.userCPUTime / 1000,
      systemMs: usage.systemCPUTime / 1000,
    }),
  );
}
process.exitCode = code;
