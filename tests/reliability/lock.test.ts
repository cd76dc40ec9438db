// The folder lock: one writer per folder, a clear refusal naming the holder, and a lock whose
// process is gone taken over. First the lock itself, then two real CLI runs at once.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KamervragenError } from '../../pipeline/errors.ts';
import { acquireLock, LOCK_NAME, withLock } from '../../pipeline/lock/folder-lock.ts';
import {
  AH_RECORD,
  rewriteUrls,
  sruPage,
  startStandIn,
  type StandIn,
} from '../fetch/sru-stand-in.ts';
import { copyDocuments, hidden, removeWorkspaces, runToEnd, start, workspace } from './support.ts';

afterAll(removeWorkspaces);

/** The pid of a process that has just exited: a lock holder that is certainly gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

const lockText = (pid: number, host = hostname(), command = 'build') =>
  `${JSON.stringify({ pid, command, host, started: '2026-01-01T00:00:00.000Z', token: 'a1b2c3d4e5f60718' })}\n`;

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const exists = (path: string) => async () =>
  await readFile(path).then(
    () => true,
    () => false,
  );

describe('acquireLock', () => {
  it('lets exactly one of two concurrent takers in, and names the holder to the other', async () => {
    const dir = await workspace('lock');
    const results = await Promise.allSettled([
      acquireLock(dir, 'build'),
      acquireLock(dir, 'release'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as KamervragenError;
    expect(error).toBeInstanceOf(KamervragenError);
    expect(error.code).toBe('lock/held');
    expect(error.place.file).toBe(join(dir, LOCK_NAME));
    expect(error.message).toContain(`pid ${process.pid}`);
    await (
      won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>
    ).value.release();
    expect(await hidden(dir)).toEqual([]);
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = await workspace('lock');
    await writeFile(join(dir, LOCK_NAME), lockText(await deadPid()));
    const lock = await acquireLock(dir, 'fetch');
    expect(JSON.parse(await readFile(join(dir, LOCK_NAME), 'utf8'))).toMatchObject({
      pid: process.pid,
      command: 'fetch',
    });
    await lock.release();
    expect(await hidden(dir)).toEqual([]);
  });

  it('lets exactly one of eight runs take over the same stale lock', async () => {
    const dir = await workspace('lock');
    await writeFile(join(dir, LOCK_NAME), lockText(await deadPid()));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => acquireLock(dir, 'build')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as KamervragenError).code).toBe('lock/held');
  });

  it('refuses a lock held by a live process, one from another host, and an unreadable one', async () => {
    const dir = await workspace('lock');
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    });
    try {
      await writeFile(join(dir, LOCK_NAME), lockText(sleeper.pid!, hostname(), 'release'));
      await expect(acquireLock(dir, 'build')).rejects.toMatchObject({
        code: 'lock/held',
        message: expect.stringContaining(`"release", pid ${sleeper.pid}`),
      });
    } finally {
      sleeper.kill('SIGKILL');
    }
    await writeFile(join(dir, LOCK_NAME), lockText(await deadPid(), 'another-machine'));
    await expect(acquireLock(dir, 'build')).rejects.toMatchObject({
      code: 'lock/held',
      message: expect.stringContaining('another-machine'),
    });
    await writeFile(join(dir, LOCK_NAME), 'not json');
    await expect(acquireLock(dir, 'build')).rejects.toMatchObject({
      code: 'lock/held',
      message: expect.stringContaining('unreadable'),
    });
  });

  it('reports a folder it cannot create or write as lock/folder, naming it', async () => {
    const dir = await workspace('lock');
    await writeFile(join(dir, 'file'), 'a file, not a folder');
    await expect(acquireLock(join(dir, 'file', 'out'), 'build')).rejects.toMatchObject({
      code: 'lock/folder',
      place: { file: join(dir, 'file', 'out') },
      message: expect.stringContaining('ENOTDIR'),
    });
    const cli = await runToEnd(['build', '--documents', 'documents', '--out', 'file/out'], dir);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/file\/out: error lock\/folder: /);
    expect(cli.stderr).not.toMatch(/^\s+at /m);
  });

  it('withLock releases the lock when the work throws, and never removes a lock it does not own', async () => {
    const dir = await workspace('lock');
    await expect(withLock([dir], 'build', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await hidden(dir)).toEqual([]);
    const lock = await acquireLock(dir, 'build');
    // Someone replaced the lock (a person removed ours, another run took it): release leaves it.
    await writeFile(join(dir, LOCK_NAME), lockText(process.pid, hostname(), 'other'));
    await lock.release();
    expect(await readFile(join(dir, LOCK_NAME), 'utf8')).toContain('"other"');
  });
});

describe('two CLI runs at once', () => {
  let standIn: StandIn | undefined;
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });

  it('a second build on the same output folder fails naming the first; the first completes', async () => {
    const ws = await workspace('lock-build');
    await copyDocuments(join(ws, 'documents'));
    // Enough documents that the first build is still running when the second starts.
    const seed = await readFile(join(ws, 'documents', (await readdir(join(ws, 'documents')))[0]!));
    for (let i = 0; i < 300; i++)
      await writeFile(join(ws, 'documents', `ah-tk-20182019-${7000 + i}.copy.pdf.txt`), seed);
    const args = ['build', '--documents', 'documents', '--out', 'dist', '--quarantine'];
    const first = start(args, ws);
    await until(exists(join(ws, 'dist', LOCK_NAME)));
    const second = await runToEnd(args, ws);
    const firstDone = await first.done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('lock/held');
    expect(second.stderr).toContain(`"build", pid ${first.child.pid}`);
    expect(second.stderr).toContain(join(ws, 'dist', LOCK_NAME).replace(`${ws}/`, ''));
    expect(second.stderr).not.toMatch(/^\s+at /m);
    expect(firstDone.code, firstDone.stderr).toBe(0);
    expect(await hidden(join(ws, 'dist'))).toEqual([]);
    // A build elsewhere is not blocked by it.
    expect(
      (await runToEnd(['build', '--documents', 'documents', '--out', 'other', '--quarantine'], ws))
        .code,
    ).toBe(0);
  });

  it('a second fetch into the same documents/ fails; after the first is killed its lock is taken over', async () => {
    standIn = await startStandIn({
      sru: (_s, base) => rewriteUrls(sruPage([AH_RECORD], { numberOfRecords: 1 }), base),
    });
    const ws = await workspace('lock-fetch');
    await mkdir(join(ws, 'state'));
    await writeFile(
      join(ws, 'state', 'fetch-state.json'),
      '{\n  "watermark": "2014-07-01",\n  "seen": {}\n}\n',
    );
    const args = [
      'fetch',
      '--documents',
      'documents',
      '--state',
      'state/fetch-state.json',
      '--sru-url',
      standIn.sruUrl,
      '--delay-ms',
      '0',
      '--timeout-ms',
      '60000',
    ];
    standIn.fault('sru:1', 'hang');
    const first = start(args, ws);
    await standIn.nextHang();
    const second = await runToEnd(args, ws);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`lock/held: .*"fetch", pid ${first.child.pid}`));
    first.child.kill('SIGKILL');
    await first.done;
    const third = await runToEnd(args, ws);
    expect(third.code, third.stderr).toBe(0);
    expect(await hidden(join(ws, 'documents'))).toEqual([]);
  });

  it('a release is refused while a live process holds dist/, and runs once that process is gone', async () => {
    const ws = await workspace('lock-release');
    await copyDocuments(join(ws, 'documents'));
    await mkdir(join(ws, 'dist'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    });
    const args = ['release', '--target', 'dir:releases', '--source-commit', 'abc'];
    try {
      await writeFile(join(ws, 'dist', LOCK_NAME), lockText(holder.pid!, hostname(), 'build'));
      const refused = await runToEnd(args, ws);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`lock/held`);
      expect(refused.stderr).toContain(`pid ${holder.pid}`);
      // A dry run writes nothing, so it needs no lock.
      expect((await runToEnd([...args, '--dry-run'], ws)).code).toBe(0);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.on('close', resolve));
    }
    const released = await runToEnd(args, ws);
    expect(released.code, released.stderr).toBe(0);
    expect(await hidden(join(ws, 'dist'))).toEqual([]);
  });
});
