import type { Command } from '../command.ts';
import { parseCommand } from './parse.ts';
import { fetchCommand } from './fetch.ts';
import { buildCommand } from './build.ts';
import { validateCommand } from './validate.ts';
import { releaseCommand } from './release.ts';
import { siteCommand } from './site.ts';
import { dictionaryCommand } from './dictionary.ts';
import { mergeCommand } from './merge.ts';

// Order is the order of `kamervragen --help`.
export const commands: Command[] = [
  parseCommand,
  fetchCommand,
  buildCommand,
  validateCommand,
  releaseCommand,
  siteCommand,
  dictionaryCommand,
  mergeCommand,
];
