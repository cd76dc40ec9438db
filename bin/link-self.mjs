#!/usr/bin/env node
// npm links the bins of dependencies into node_modules/.bin, never the project's own.
// Tools that call node_modules/.bin/kamervragen (the reference scorer, scripts) need it there.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
const target = join(root, 'bin', 'kamervragen.mjs');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'kamervragen');
rmSync(link, { force: true });
symlinkSync(relative(binDir, target), link);
chmodSync(target, 0o755);
