// Offices as printed in headers ("aan de Ministers van X en van Y", "mede namens de
// Staatssecretaris van Z") expanded to one string per office: "Minister van X", "Minister van Y".

const PLURALS: ReadonlyArray<[RegExp, string]> = [
  [/^(m)inisters\b/i, '$1inister'],
  [/^(s)taatssecretarissen\b/i, '$1taatssecretaris'],
  [/^(s)taatsecretarissen\b/i, '$1taatsecretaris'],
  [/^(b)ewindslieden\b/i, '$1ewindspersoon'],
];

/** "de Minister van A en de Staatssecretarissen van B en van C" → ["Minister van A", "Staatssecretaris van B", "Staatssecretaris van C"]. */
export function expandOffices(phrase: string): string[] {
  const text = phrase
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;]+$/, '');
  if (!text) return [];
  // Each "de ROLE …" is one unit; a new unit starts at " en de " or ", de " before a role word.
  const units = text
    .replace(/^(de|het)\s+/i, '')
    .split(/\s*(?:,|\ben)\s+(?:de|het)\s+(?=[A-Z]|minister|staatssecretaris)/i)
    .map((unit) => unit.trim())
    .filter(Boolean);
  const offices: string[] = [];
  for (const unit of units) offices.push(...expandUnit(unit));
  return offices;
}

function expandUnit(unit: string): string[] {
  const plural = PLURALS.find(([pattern]) => pattern.test(unit));
  if (!plural) return [unit];
  const [pattern, singular] = plural;
  const role = unit.match(pattern)?.[0]?.replace(pattern, singular) ?? unit;
  const rest = unit.replace(pattern, '').trim();
  // "van X en van Y", "van X, van Y en voor Z": split where a new "van"/"voor" begins.
  const parts = rest.split(/\s*(?:,\s*(?:en\s+)?|\s+en\s+)(?=(?:van|voor)\s)/);
  return parts.map((part) => `${role} ${part.trim()}`.trim()).filter((office) => office !== role);
}
