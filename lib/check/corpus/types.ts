/**
 * Shape of the checker corpus: realistic snippets (what learners and models write), each broken one with the rule
 * it must trigger and the line it must be reported at.
 */
import type { CheckLanguage, ContentType } from '../types.ts';

export interface CorpusSnippet {
  name: string;
  language: CheckLanguage;
  code: string;
  contentType?: ContentType;
  /** Broken snippets only: the problem that must be reported. */
  expect?: { line: number; rule: string };
}
