// An exclusive lock per output folder, so two pipelines (two builds, a fetch during a fetch, a
// release during a release) never write the same folder at once. The lock is a file in the
// folder, `.kamervragen.lock`, holding who took it; dot-files are never documents or data.
// A lock whose process is gone (killed, crashed) is stale and taken over by the next run.
import { randomBytes } from 'node:crypto';
import {
  link,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  writeFile,
} from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { KamervragenError } from '../errors.ts';
import { isProcessRunning } from './is-process-running.ts';

export const LOCK_NAME = '.kamervragen.lock';

export interface LockHolder {
  pid: number;
  command: string;
  host: string;
  /** ISO time the lock was taken: tells a person how old a lock is. */
  started: string;
  /** Random per lock, so a run only ever removes its own lock. */
  token: string;
}

export interface FolderLock {
  path: string;
  holder: LockHolder;
  release(): Promise<void>;
}

/** Takes the locks of `folders` (in order), runs `fn`, and releases them however `fn` ends. */
export async function withLock<T>(
  folders: readonly string[],
  command: string,
  fn: () => Promise<T>,
): Promise<T> {
  const held: FolderLock[] = [];
  try {
    for (const folder of [...new Set(folders)]) held.push(await acquireLock(folder, command));
    return await fn();
  } finally {
    for (const lock of held.reverse()) await lock.release();
  }
}

export async function acquireLock(folder: string, command: string): Promise<FolderLock> {
  try {
    return await takeLock(folder, command);
  } catch (error) {
    if (error instanceof KamervragenError) throw error;
    // ENOTDIR, EACCES, EROFS…: a folder that cannot be written is the user's to fix, not a bug.
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new KamervragenError(
      'lock/folder',
      `cannot take the lock in this folder (${code}); it must be a folder you can write to`,
      { file: folder },
    );
  }
}

/** acquireLock, or null when another live run holds the folder's lock. */
export async function tryLock(folder: string, command: string): Promise<FolderLock | null> {
  try {
    return await acquireLock(folder, command);
  } catch (error) {
    if (error instanceof KamervragenError && error.code === 'lock/held') return null;
    throw error;
  }
}

async function takeLock(folder: string, command: string): Promise<FolderLock> {
  await mkdir(folder, { recursive: true });
  const path = join(folder, LOCK_NAME);
  const holder: LockHolder = {
    pid: process.pid,
    command,
    host: hostname(),
    started: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  // The lock appears whole or not at all: written to a private temp file, then hard-linked into
  // place, which fails if a lock is already there (no window with an empty lock file).
  const temp = join(folder, `${LOCK_NAME}.${process.pid}-${holder.token}`);
  await removeDeadTemps(folder);
  await writeFile(temp, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await linkOrCreate(temp, path, holder);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = await readHolder(path);
      if (attempt >= 5) throw heldError(path, current === 'gone' ? 'unreadable' : current);
      if (current === 'gone') continue;
      if (isStale(current) && (await breakStale(path, current))) continue;
      throw heldError(path, current);
    }
  } finally {
    await rm(temp, { force: true });
  }
  return {
    path,
    holder,
    async release() {
      // Only our own lock is removed: never one a later run took over.
      const current = await readHolder(path);
      if (current !== 'gone' && current !== 'unreadable' && current.token === holder.token) {
        await rm(path, { force: true });
      }
    },
  };
}

// File systems without hard links (some network and FAT mounts) get an exclusive create
// instead: still atomic against another taker, with a brief window where the file is empty
// (read as "unreadable", so never mistaken for stale).
async function linkOrCreate(temp: string, path: string, holder: LockHolder): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP')
      throw error;
    await writeFile(path, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
  }
}

// A run killed between writing its temp file and linking it leaves `.kamervragen.lock.PID-…`.
async function removeDeadTemps(folder: string): Promise<void> {
  const prefix = `${LOCK_NAME}.`;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = /^(\d+)-[0-9a-f]+$/.exec(
      name.startsWith(prefix) ? name.slice(prefix.length) : '',
    )?.[1];
    if (pid !== undefined && !isProcessRunning(Number(pid)))
      await rm(join(folder, name), { force: true });
  }
}

async function readHolder(path: string): Promise<LockHolder | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.token !== 'string') return 'unreadable';
    return {
      pid: value.pid,
      command: String(value.command ?? 'unknown'),
      host: String(value.host ?? ''),
      started: String(value.started ?? ''),
      token: value.token,
    };
  } catch {
    return 'unreadable';
  }
}

// Stale only when we can tell for sure: same machine and the process no longer exists. A lock
// from another host, or one we cannot read, is left for a person to judge.
function isStale(holder: LockHolder | 'unreadable'): holder is LockHolder {
  return holder !== 'unreadable' && holder.host === hostname() && !isProcessRunning(holder.pid);
}

// Two runs may find the same stale lock at once. Breaking it happens under a guard directory
// (mkdir is atomic), and the lock is re-read under the guard, so a fresh lock taken by the other
// run in the meantime is never removed.
async function breakStale(path: string, stale: LockHolder): Promise<boolean> {
  const guard = `${path}.break`;
  try {
    await mkdir(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard left by a run killed while breaking a lock: old guards are removed.
    const age =
      Date.now() -
      (await stat(guard).then(
        (s) => s.mtimeMs,
        () => Date.now(),
      ));
    if (age > 10_000) await rmdir(guard).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return true;
  }
  try {
    const again = await readHolder(path);
    if (again === 'gone') return true;
    if (again === 'unreadable' || again.token !== stale.token) return true;
    const aside = `${path}.stale-${stale.token}`;
    await rename(path, aside);
    await rm(aside, { force: true });
    return true;
  } finally {
    await rmdir(guard).catch(() => undefined);
  }
}

function heldError(path: string, holder: LockHolder | 'unreadable'): KamervragenError {
  const who =
    holder === 'unreadable'
      ? 'an unreadable lock'
      : `"${holder.command}", pid ${holder.pid} on ${holder.host || 'an unknown host'}, since ${holder.started}`;
  return new KamervragenError(
    'lock/held',
    `this folder is being written by another kamervragen run (${who}); wait for it to finish, ` +
      `or, if that process is gone, remove the lock file`,
    { file: path },
  );
}
