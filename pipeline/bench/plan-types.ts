// The shape of a generated document's plan, shared by the planner, the renderers and the truth.

import type { Reference } from './compose-text.ts';

export const RENDERINGS = [
  'ob-xml',
  'pdf-text-pypdf',
  'pdf-text-poppler',
  'pdf-text-pymupdf',
  'pdf-text-plain',
  'pdf-markdown',
  'page-text',
] as const;
export type Rendering = (typeof RENDERINGS)[number];

export type Kind = 'answer' | 'questions' | 'postponement';
export interface Office {
  role: 'Minister' | 'Staatssecretaris';
  link: 'van' | 'voor';
  portfolio: string;
}
export interface Person {
  name: string;
  party: string;
}
export type Item =
  | { kind: 'question'; numbers: number[]; header: string; paragraphs: string[] }
  | { kind: 'answer'; questions: number[]; header: string; paragraphs: string[] };
export interface PlannedFootnote {
  number: number;
  source: string | null;
  date: string | null;
  headline: string | null;
  url: string;
}

export interface DocumentPlan {
  index: number;
  id: string;
  slug: string;
  kind: Kind;
  rendering: Rendering;
  sessionYear: string;
  number: number | null;
  caseNumber: string;
  title: string;
  askers: Person[];
  /** "allen VVD" style: every asker has the same party and it is printed once. */
  sharedParty: boolean;
  addressees: Office[];
  submitted: string;
  answered: string | null;
  answerer: { office: Office; name: string; lowercaseRole: boolean } | null;
  coAnswerers: Office[];
  seeAlso: number | null;
  items: Item[];
  footnotes: PlannedFootnote[];
  references: Reference[];
  postponementText: string | null;
}

/** Marks footnote n inside a paragraph; renderers print it their own way, truth drops it. */
export const marker = (n: number): string => `\uE000${n}\uE001`;
export const MARKER = /\uE000(\d+)\uE001/g;

export const officeName = (o: Office): string => `${o.role} ${o.link} ${o.portfolio}`;
