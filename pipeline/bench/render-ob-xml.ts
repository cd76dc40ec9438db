// The officielebekendmakingen XML manifestation and its metadata.xml, shaped like the recorded
// publication ah-tk-20202021-3235 (kamervraagkop, kamervraagomschrijving with <naam>/<datum>
// markup, <vraag>/<antwoord> with <nr> and <al>), with footnotes as inline <noot> elements.
import { formatDutchDate } from './compose-text.ts';
import { officesPhrase } from './header-lines.ts';
import { FIRST_NAMES } from './vocabulary.ts';
import { MARKER, officeName, type DocumentPlan, type PlannedFootnote } from './plan-document.ts';

const escape = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const PREFIX = /^(Van der|Van den|Van ’t|In ’t|Van|De|Den|Ter) /;

function nameXml(name: string): string {
  const [head = '', ...rest] = name.split(' ');
  if (FIRST_NAMES.includes(head) && rest.length > 0) {
    // "Romke de Jong": the recorded publication puts first name and tussenvoegsel in <voornaam>.
    const lower = rest.findIndex((w) => !/^[a-z’]/.test(w));
    const given = [head, ...rest.slice(0, lower)].join(' ');
    return `<naam><voornaam>${escape(given)} </voornaam><achternaam>${escape(rest.slice(lower).join(' '))}</achternaam></naam>`;
  }
  return `<naam><achternaam>${escape(name)}</achternaam></naam>`;
}

function joinXml(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
}

function noteXml(note: PlannedFootnote, id: string): string {
  const url = `<extref soort="URL" doc="${escape(note.url)}" status="actief">${escape(note.url)}</extref>`;
  const body = note.source
    ? `${escape(`${note.source}, ${note.date}, «${note.headline}»`)} (${url}).`
    : url;
  return `<noot id="${id}-n${note.number}" type="voet"><noot.nr>${note.number}</noot.nr><noot.al>${body}</noot.al></noot>`;
}

function paragraphXml(text: string, notes: Map<number, PlannedFootnote>, id: string): string {
  const parts = text.split(MARKER);
  // split with a capture group alternates text and footnote numbers.
  return parts
    .map((part, i) =>
      i % 2 === 0 ? escape(part) : noteXml(notes.get(Number(part)) as PlannedFootnote, id),
    )
    .join('');
}

export function renderObXml(plan: DocumentPlan): string {
  const notes = new Map(plan.footnotes.map((n) => [n.number, n]));
  const askers =
    plan.askers.length === 1
      ? `het lid ${nameXml(plan.askers[0]?.name ?? '')} (${escape(plan.askers[0]?.party ?? '')})`
      : plan.sharedParty
        ? `de leden ${joinXml(plan.askers.map((a) => nameXml(a.name)))} (allen ${escape(plan.askers[0]?.party ?? '')})`
        : `de leden ${joinXml(plan.askers.map((a) => `${nameXml(a.name)} (${escape(a.party)})`))}`;
  const date = (iso: string): string => `<datum isodatum="${iso}">${formatDutchDate(iso)}</datum>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<officiele-publicatie xsi:noNamespaceSchemaLocation="http://technische-documentatie.oep.overheid.nl/repository/schemas/op-consolidated/op-consolidated_2014-05-15/xsd/op-xsd-2014-05-15.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <metadata>',
    `    <meta name="OVERHEIDop.externMetadataRecord" scheme="" content="https://zoek.officielebekendmakingen.nl/${plan.id}/metadata.xml"/>`,
    '  </metadata>',
    '  <kamervragen>',
    '    <kamervraagkop>',
    `      <tekstregel inhoud="vergaderjaar">Vergaderjaar ${plan.sessionYear}</tekstregel>`,
    '      <tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>',
    '      <tekstregel inhoud="kamernummer">2</tekstregel>',
    `      <tekstregel inhoud="documenttype">${plan.kind === 'questions' ? 'Kamervragen zonder antwoord' : 'Aanhangsel van de Handelingen'}</tekstregel>`,
    '    </kamervraagkop>',
  ];
  if (plan.number !== null) lines.push(`    <kamervraagnummer>${plan.number}</kamervraagnummer>`);
  lines.push(
    `    <kamervraagomschrijving type="vraag">Vragen van ${askers} aan ${escape(officesPhrase(plan.addressees))} over <kamervraagonderwerp>${escape(plan.title)}</kamervraagonderwerp> (ingezonden ${date(plan.submitted)}).</kamervraagomschrijving>`,
  );
  if (plan.answerer && plan.answered) {
    const co = plan.coAnswerers.length
      ? `, mede namens ${escape(officesPhrase(plan.coAnswerers))}`
      : '';
    const type = plan.kind === 'postponement' ? 'mededeling' : 'antwoord';
    const verb = plan.kind === 'postponement' ? 'Mededeling' : 'Antwoord';
    lines.push(
      `    <kamervraagomschrijving type="${type}">${verb} van ${plan.answerer.office.role} ${nameXml(plan.answerer.name)} (<organisatie>${escape(plan.answerer.office.portfolio)}</organisatie>)${co} (ontvangen ${date(plan.answered)}).</kamervraagomschrijving>`,
    );
  }
  if (plan.postponementText)
    lines.push(
      `    <kamervraagopmerking><al>${escape(plan.postponementText)}</al></kamervraagopmerking>`,
    );
  for (const item of plan.items) {
    const tag = item.kind === 'question' ? 'vraag' : 'antwoord';
    lines.push(`    <${tag}>`, `      <nr status="officieel">${escape(item.header)}</nr>`);
    for (const p of item.paragraphs)
      lines.push(`      <al>${paragraphXml(p, notes, plan.id)}</al>`);
    lines.push(`    </${tag}>`);
  }
  lines.push('  </kamervragen>', '</officiele-publicatie>', '');
  return lines.join('\n');
}

function initials(name: string): string {
  const words = name.replace(PREFIX, (m) => m.toLowerCase()).split(' ');
  return `${String.fromCharCode(65 + (name.length % 26))}. ${words.join(' ')}`;
}

export function renderMetadataXml(plan: DocumentPlan): string {
  const meta = (name: string, content: string, scheme = ''): string =>
    `<metadata name="${name}" scheme="${scheme}" content="${escape(content)}"/>`;
  const questions = plan.kind === 'questions';
  const rows = [
    meta('OVERHEIDop.documentStatus', 'Opgemaakt'),
    meta(
      'DC.title',
      `${questions ? 'Vragen' : 'Antwoord op vragen'} van ${plan.askers.length > 1 ? 'de leden' : 'het lid'} ${plan.askers.map((a) => a.name).join(', ')} over ${plan.title}`,
    ),
    ...(plan.number === null ? [] : [meta('OVERHEIDop.aanhangselNummer', String(plan.number))]),
    ...plan.askers.map((a) => meta('OVERHEIDop.indiener', initials(a.name))),
    ...(plan.answerer ? [meta('OVERHEIDop.ontvanger', initials(plan.answerer.name))] : []),
    meta(
      'OVERHEIDop.publicationName',
      questions ? 'Kamervragen zonder antwoord' : 'Kamervragen (Aanhangsel)',
    ),
    meta('OVERHEIDop.vergaderjaar', plan.sessionYear),
    meta('OVERHEIDop.vraagnummer', plan.caseNumber),
    meta('DCTERMS.language', 'nl', 'DCTERMS.RFC4646'),
    meta('DCTERMS.issued', plan.answered ?? plan.submitted, 'DCTERMS.W3CDTF'),
    questions
      ? meta('OVERHEIDop.datumIndiening', plan.submitted, 'DCTERMS.W3CDTF')
      : meta('OVERHEIDop.datumOntvangst', plan.answered ?? '', 'DCTERMS.W3CDTF'),
    meta('DC.creator', 'Tweede Kamer der Staten-Generaal', 'OVERHEID.StatenGeneraal'),
    ...plan.addressees.map((o) => meta('OVERHEIDop.ministerie', officeName(o))),
    meta(
      'DC.type',
      questions ? 'Schriftelijke vragen' : plan.kind === 'postponement' ? 'Mededeling' : 'Antwoord',
      'OVERHEIDop.AanhangselTypen',
    ),
    meta(
      'DC.type',
      questions ? 'Kamervragen zonder antwoord' : 'Aanhangsel van de Handelingen',
      'OVERHEIDop.Parlementair',
    ),
    meta('DC.identifier', plan.id, 'OVERHEIDop.ParlID'),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<metadata_gegevens>\n${rows.join('\n')}\n</metadata_gegevens>\n`;
}
