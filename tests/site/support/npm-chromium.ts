// The Chromium build that @sparticuz/chromium ships inside its npm package (brotli-compressed, with
// the NSS libraries it links and a font), unpacked once per install into node_modules/.cache/. It
// comes from the registry with `npm ci`, so the browser tests need nothing from the system.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';
import { ROOT } from '../../support/run-cli.ts';

export interface NpmChromium {
  version: string;
  executablePath: string;
  /** The environment the binary needs: its bundled libraries and fonts, none of the system's. */
  env: Record<string, string>;
}

const PACKAGE = '@sparticuz/chromium';
const COMPLETE = '.complete';

function packageDir(): string {
  // The package exports only its entry point (build/cjs/index.cjs): two levels below its root.
  const entry = createRequire(import.meta.url).resolve(PACKAGE);
  return dirname(dirname(dirname(entry)));
}

function unsupportedPlatform(): string | null {
  if (process.platform === 'linux' && process.arch === 'x64') return null;
  return (
    `the browser tests run the Chromium build shipped in ${PACKAGE}, which is for Linux x64 ` +
    `only; this is ${process.platform}-${process.arch}`
  );
}

async function unbrotli(from: string, to: string): Promise<void> {
  await pipeline(
    createReadStream(from),
    createBrotliDecompress(),
    createWriteStream(to, { mode: 0o755 }),
  );
}

async function untar(from: string, to: string): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), extract(to));
}

// Only the bundled font, so pages render alike on every machine, with or without system fonts.
const fontsConf = (dir: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(dir, 'fontconfig', 'cache')}</cachedir>
</fontconfig>
`;

async function unpack(bin: string, dir: string, final: string): Promise<void> {
  await mkdir(join(dir, 'fontconfig'), { recursive: true });
  await unbrotli(join(bin, 'chromium.br'), join(dir, 'chromium'));
  await untar(join(bin, 'al2023.tar.br'), dir); // lib/: libnss3, libnspr4, libexpat …
  await untar(join(bin, 'swiftshader.tar.br'), dir); // the software GL beside the binary
  await untar(join(bin, 'fonts.tar.br'), join(dir, 'fonts'));
  await writeFile(join(dir, 'fontconfig', 'fonts.conf'), fontsConf(final));
  await writeFile(join(dir, COMPLETE), '');
}

/**
 * Unpacks the browser on first use. Two test workers may race: each unpacks into a folder of its
 * own and renames it into place (atomic, so the final folder is always whole); the loser drops
 * its copy and uses the winner's.
 */
export async function npmChromium(
  cache = join(ROOT, 'node_modules', '.cache', 'kamervragen'),
): Promise<NpmChromium> {
  const unsupported = unsupportedPlatform();
  if (unsupported) throw new Error(unsupported);
  const source = packageDir();
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = join(cache, `chromium-${version}`);
  if (!existsSync(join(dir, COMPLETE))) {
    const partial = `${dir}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await unpack(join(source, 'bin'), partial, dir);
      await rename(partial, dir).catch((error: NodeJS.ErrnoException) => {
        if (existsSync(join(dir, COMPLETE))) return; // another worker was first
        throw new Error(`cannot unpack ${PACKAGE} into ${dir} (${error.code}): delete that folder`);
      });
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }
  return {
    version,
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [join(dir, 'lib'), dir, process.env.LD_LIBRARY_PATH]
        .filter(Boolean)
        .join(':'),
      FONTCONFIG_FILE: join(dir, 'fontconfig', 'fonts.conf'),
    },
  };
}
