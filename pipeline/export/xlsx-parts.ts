// The XML parts of a workbook (Office Open XML, SpreadsheetML): pure text, assembled into
// the zip by pipeline/build/write-xlsx.ts. Strings are inline ("inlineStr") text cells and
// integers are numbers, so no cell is ever a formula; nothing in a part depends on the clock.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Column names of a sheet: A … Z, AA … */
export function columnLetters(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let n = i + 1;
    let name = '';
    while (n > 0) {
      name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
      n = Math.floor((n - 1) / 26);
    }
    out.push(name);
  }
  return out;
}

// XML 1.0 cannot hold these control characters at all; they are left out, as spreadsheet
// writers do (the CSVs and JSON keep them).
// eslint-disable-next-line no-control-regex -- these are the characters to remove
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const SPECIAL = /[&<>]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(SPECIAL, (c) => ENTITY[c]!);
}

export const SHEET_START = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
export const SHEET_END = '</sheetData></worksheet>';

/** One row (numbered from 1) of typed cells; null cells are left out. */
export function rowXml(
  row: number,
  cells: readonly (string | number | null)[],
  letters: readonly string[],
): string {
  let xml = `<row r="${row}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    const ref = `${letters[i]}${row}`;
    xml +=
      typeof cell === 'number'
        ? `<c r="${ref}"><v>${cell}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  }
  return `${xml}</row>`;
}

/** The parts that do not depend on the sheets, in the order the zip holds them (first). */
export function fixedParts(): { name: string; xml: string }[] {
  return [
    {
      name: '[Content_Types].xml',
      // Every other .xml part is a worksheet, so the sheets need no entry each.
      xml:
        `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        `<Default Extension="xml" ContentType="${TYPE}.worksheet+xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      xml:
        `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'docProps/core.xml',
      xml:
        `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>kamervragen</dc:creator>' +
        '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>' +
        '</cp:coreProperties>',
    },
    {
      name: 'xl/styles.xml',
      // The one style every cell has: Excel wants a style sheet even when nothing is styled.
      xml:
        `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
        '</styleSheet>',
    },
  ];
}

/** A sheet's part name relative to xl/ (how the workbook's relationships name it). */
const sheetTarget = (index: number): string => `worksheets/sheet${index + 1}.xml`;

export function sheetPath(index: number): string {
  return `xl/${sheetTarget(index)}`;
}

/** The workbook and its relationships, once every sheet's name is known (last in the zip). */
export function workbookParts(sheetNames: readonly string[]): { name: string; xml: string }[] {
  const sheets = sheetNames
    .map(
      (name, i) =>
        `<sheet name="${xmlText(name).replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
    )
    .join('');
  const rels = sheetNames
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${sheetTarget(i)}"/>`,
    )
    .join('');
  const styles = `<Relationship Id="rId${sheetNames.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`;
  return [
    {
      name: 'xl/workbook.xml',
      xml: `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      xml: `${HEAD}<Relationships xmlns="${PKG_REL}">${rels}${styles}</Relationships>`,
    },
  ];
}
