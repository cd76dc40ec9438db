// One generated document: its plan rendered in the plan's rendering, as the files that go into
// a documents/ folder (named as the fetcher and the seeds name them) plus its truth.
import { planDocument, type DocumentPlan } from './plan-document.ts';
import { createRandom } from './random.ts';
import { renderMetadataXml, renderObXml } from './render-ob-xml.ts';
import { renderPageText } from './render-page-text.ts';
import { renderPdfMarkdown } from './render-pdf-markdown.ts';
import { renderPdfText } from './render-pdf-text.ts';
import { truthOf, type Truth } from './truth.ts';

export interface GeneratedFile {
  /** Relative to the documents folder. */
  name: string;
  content: string;
}
export interface GeneratedDocument {
  plan: DocumentPlan;
  files: GeneratedFile[];
  truth: Truth;
}

function render(plan: DocumentPlan, seed: string): GeneratedFile[] {
  // Layout randomness has its own stream, so a change in one renderer leaves the plans alone.
  const random = createRandom(`${seed}/${plan.index}/layout`);
  const base = `${plan.id}.${plan.slug}`;
  switch (plan.rendering) {
    case 'ob-xml':
      return [
        { name: `${plan.id}.xml`, content: renderObXml(plan) },
        { name: `${plan.id}.metadata.xml`, content: renderMetadataXml(plan) },
      ];
    case 'pdf-markdown':
      return [{ name: `${base}.pdf.md`, content: renderPdfMarkdown(plan, random) }];
    case 'page-text':
      return [{ name: `${base}.page.txt`, content: renderPageText(plan) }];
    case 'pdf-text-pypdf':
      return [{ name: `${base}.pdf.txt`, content: renderPdfText(plan, 'pypdf', random) }];
    case 'pdf-text-poppler':
      return [{ name: `${base}.pdf.txt`, content: renderPdfText(plan, 'poppler', random) }];
    case 'pdf-text-pymupdf':
      return [{ name: `${base}.pdf.txt`, content: renderPdfText(plan, 'pymupdf', random) }];
    case 'pdf-text-plain':
      return [{ name: `${base}.pdf.txt`, content: renderPdfText(plan, 'plain', random) }];
  }
}

/** Document `index` of a corpus of `total` for `seed`; indexes ≥ total are documents added later. */
export function generateDocument(seed: string, index: number, total: number): GeneratedDocument {
  const plan = planDocument(seed, index, total);
  const files = render(plan, seed);
  return { plan, files, truth: truthOf(plan, (files[0] as GeneratedFile).name) };
}
