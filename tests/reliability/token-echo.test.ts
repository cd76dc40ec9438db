// A proxy that answers an upload with a 502 echoing the Authorization header (raw, and as HTTP
// Basic credentials in base64): the retry log line quotes that answer, and must not quote the token.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactSecret } from '../../pipeline/publish/redact-secret.ts';
import { ROOT, runCli } from '../support/run-cli.ts';
import { FakeGitHub } from '../publish/support/fake-github.ts';

const CANARY = 'ghp_CANARY1echoed1token1that1must1never1leak';
const FORMS = (token: string) => [
  token,
  ...[0, 1, 2].map((shift) =>
    Buffer.from(`${'u:'.slice(0, shift)}${token}`)
      .toString('base64')
      .slice(4, 40),
  ),
];
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the token in logs', () => {
  it('is cut out raw, URL-encoded and inside base64 at any alignment', () => {
    for (const prefix of ['', 'x', 'xy', 'x-access-token:', 'user:']) {
      const basic = Buffer.from(`${prefix}${CANARY}`).toString('base64');
      const text = `Authorization: token ${CANARY}; Basic ${basic}; ${basic.replace(/\+/g, '-')}`;
      const out = redactSecret(text, CANARY);
      for (const form of FORMS(CANARY)) expect(out).not.toContain(form);
      expect(out).toContain('Authorization: token ***');
    }
    expect(redactSecret('nothing here', CANARY)).toBe('nothing here');
  });

  it('never appears in the retry line of an upload whose 502 echoes it', async () => {
    let uploads = 0;
    const fake = await new FakeGitHub({
      token: CANARY,
      fault: (r) =>
        r.host === 'uploads' && ++uploads <= 6 ? { kind: 'echo-authorization' } : null,
    }).start();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'kv-token-echo-'));
      scratch.push(dir);
      cpSync(join(ROOT, 'documents'), join(dir, 'documents'), { recursive: true });
      const r = await runCli(
        [
          'release',
          '--source-commit',
          '1111111111111111111111111111111111111111',
          '--target',
          `github:${fake.owner}/${fake.repo}`,
        ],
        {
          cwd: dir,
          env: {
            SOURCE_DATE_EPOCH: '',
            GITHUB_TOKEN: CANARY,
            GITHUB_API_URL: fake.apiUrl,
            KAMERVRAGEN_RELEASE_DELAY_UNIT_MS: '1',
            KAMERVRAGEN_RELEASE_WRITE_INTERVAL_MS: '0',
          },
        },
      );
      expect(r.code, r.stderr).toBe(0);
      const printed = r.stdout + r.stderr;
      // The echoing answer was met and logged ...
      expect(printed).toMatch(/upload of .* failed \(502 .*Bad Gateway: upstream refused/);
      // ... without the token in any form.
      for (const form of FORMS(CANARY)) expect(printed).not.toContain(form);
      expect(printed).not.toContain(
        Buffer.from(`x-access-token:${CANARY}`).toString('base64').slice(20),
      );
    } finally {
      await fake.stop();
    }
  }, 120_000);
});
