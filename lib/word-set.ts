/** The words of a space-separated list as a set: long vocabularies stay one readable string. */
export function wordSet(words: string): Set<string> {
  return new Set(words.trim().split(/\s+/));
}
