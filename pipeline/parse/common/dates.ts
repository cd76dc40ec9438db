// Dutch dates as printed in Kamervragen: "13 april 2021", "ontvangen 10 september 2019",
// "(ontvangen13 augustus 2024)" (pypdf glues words), "1 oktober 2021" on openkamer pages.

/** The month names as printed, January first. */
export const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const MONTHS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(MONTH_NAMES.map((name, i) => [name, i + 1])),
  jan: 1,
  feb: 2,
  febr: 2,
  mrt: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  dec: 12,
};

export type DateResult = { date: string; problem: null } | { date: null; problem: string };

const DATE = /(\d{1,2})\s*([A-Za-z]{3,9})\.?\s*(\d{4})/;

/** The first Dutch date in `text` as ISO yyyy-mm-dd; null with the reason when absent or impossible. */
export function parseDutchDate(text: string): DateResult {
  const m = DATE.exec(text);
  if (!m) return { date: null, problem: `no date like "13 april 2021" in "${text.slice(0, 60)}"` };
  const day = Number(m[1]);
  const monthName = (m[2] ?? '').toLowerCase();
  const year = Number(m[3]);
  const month = MONTHS[monthName];
  if (month === undefined) return { date: null, problem: `"${m[2]}" is not a Dutch month name` };
  if (!isRealDate(year, month, day))
    return { date: null, problem: `"${m[0]}" is not a calendar date` };
  return { date: `${year}-${pad(month)}-${pad(day)}`, problem: null };
}

/** Parses an ISO or Dutch date; used for metadata fields that may hold either form. */
export function parseAnyDate(text: string): DateResult {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isRealDate(y, mo, d)
      ? { date: `${y}-${pad(mo)}-${pad(d)}`, problem: null }
      : { date: null, problem: `"${iso[0]}" is not a calendar date` };
  }
  return parseDutchDate(text);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Calendar days from `from` to `to` (ISO dates); null when either is unknown or the order is reversed. */
export function daysBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const days = Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000,
  );
  return Number.isFinite(days) && days >= 0 ? days : null;
}
