import type { Command } from '../command.ts';
import { parseCommand } from './parse.ts';
import { fetchCommand } from './fetch.ts';
import { buildCommand } from './build.ts';

// Order is the order of `kamervragen --help`.
export const commands: Command[] = [parseCommand, fetchCommand, buildCommand];
