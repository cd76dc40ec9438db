import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalName } from '../../pipeline/normalize/clean-name.ts';
import { officeKey, portfolioKey } from '../../pipeline/normalize/ministry.ts';
import { partyKey } from '../../pipeline/normalize/party.ts';
import { personKey } from '../../pipeline/normalize/person.ts';

// Golden files: tests/normalize/golden/NAME.txt (one printed value per line) beside
// NAME.expected.json (what normalization makes of each). `npm run test:update` rewrites them.
const dir = new URL('golden/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';
const inputs = readdirSync(dir).filter((n) => n.endsWith('.txt'));

export function normalizeLine(line: string): Record<string, unknown> {
  const [kind, value = '', party = '', year = '', initials = ''] = line.split('\t');
  switch (kind) {
    case 'party':
      return { party: value, ...(partyKey(value) ?? { key: null }) };
    case 'name':
      return { name: value, canonical_name: canonicalName(value) };
    case 'office':
      return { office: value, key: officeKey(value) };
    case 'portfolio':
      return { portfolio: value, key: portfolioKey(value) };
    case 'asker': {
      const canonical = canonicalName(value);
      const partyKeyValue = party === '' ? null : (partyKey(party)?.key ?? null);
      const person = personKey({
        name: canonical,
        partyKey: partyKeyValue,
        year: year === '' ? null : Number(year),
        initials: initials === '' ? null : initials,
      });
      return {
        asker: value,
        party: party || null,
        year: year === '' ? null : Number(year),
        initials: initials || null,
        canonical_name: canonical,
        party_key: partyKeyValue,
        person_key: person.key,
        ...('reason' in person ? { reason: person.reason } : {}),
      };
    }
    default:
      throw new Error(`unknown kind "${kind}" in line: ${line}`);
  }
}

describe('normalization golden files', () => {
  it.each(inputs)('%s', (name) => {
    const lines = readFileSync(new URL(name, dir), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'));
    const actual = lines.map(normalizeLine);
    const expectedUrl = new URL(name.replace(/\.txt$/, '.expected.json'), dir);
    const text = `${JSON.stringify(actual, null, 2)}\n`;
    if (update || !existsSync(expectedUrl)) writeFileSync(expectedUrl, text);
    expect(text).toBe(readFileSync(expectedUrl, 'utf8'));
  });

  it('covers every party, name and office printed in tests/corpus and tests/seeds', () => {
    const listed = new Set(
      readFileSync(new URL('spellings.txt', dir), 'utf8')
        .split('\n')
        .map((l) => l.split('\t').slice(0, 2).join('\t')),
    );
    for (const folder of ['../corpus/', '../seeds/']) {
      const base = new URL(folder, import.meta.url);
      for (const file of readdirSync(base).filter((n) => n.endsWith('.gold.json'))) {
        const gold = JSON.parse(readFileSync(new URL(file, base), 'utf8')) as {
          askers: { name: string; party: string | null }[] | null;
          addressees: string[] | null;
          co_answerers: string[] | null;
          answerer: { portfolio: string | null } | null;
        };
        const wanted = [
          ...(gold.askers ?? []).flatMap((a) => [
            `name\t${a.name}`,
            ...(a.party === null ? [] : [`party\t${a.party}`]),
          ]),
          ...[...(gold.addressees ?? []), ...(gold.co_answerers ?? [])].map((o) => `office\t${o}`),
          ...(gold.answerer?.portfolio ? [`portfolio\t${gold.answerer.portfolio}`] : []),
        ];
        for (const w of wanted) expect(listed.has(w), `${file}: ${w}`).toBe(true);
      }
    }
  });
});
