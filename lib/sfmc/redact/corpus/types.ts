/** Shapes of the redaction corpus: personal-data items (with what must not survive) and the contexts they sit in. */

export type PiiKind =
  | 'email'
  | 'phone'
  | 'iban'
  | 'card'
  | 'cvv'
  | 'national-id'
  | 'dob'
  | 'address'
  | 'name'
  | 'subscriber-key'
  | 'sfid'
  | 'guid'
  | 'jwt'
  | 'secret'
  | 'ip';

export interface PiiItem {
  kind: PiiKind;
  /** The text placed in each context. */
  value: string;
  /**
   * Pieces that identify the value and must not survive as whole words. Default: every letter/digit run of 4+
   * characters (2+ for names) of the value, minus common words.
   */
  frags?: string[];
}

/** Kinds where a miss is tolerated up to 10 % (no reliable shape); every other kind must leak nothing. */
export const SOFT_KINDS: PiiKind[] = ['name', 'address'];

export type ContextKind = 'heading' | 'label' | 'sentence' | 'button';
