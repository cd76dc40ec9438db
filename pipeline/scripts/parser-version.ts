// Prints the parser version (the hash the record cache is keyed by), for the workflows' cache key.
import { parserVersion } from '../build/record-cache.ts';

process.stdout.write(`${await parserVersion()}\n`);
