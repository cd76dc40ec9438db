#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so no compile step stands between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
