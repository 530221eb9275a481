/** The tuned corpus: every personal-data item and every ordinary SFMC string the redaction test scores. */
import { CONTACT_ITEMS } from './pii-contact';
import { FINANCE_ITEMS } from './pii-finance';
import { KEY_ITEMS } from './pii-keys';
import { PEOPLE_ITEMS } from './pii-people';
import type { PiiItem } from './types';

export { ORDINARY } from './ordinary';
export const PII: PiiItem[] = [...CONTACT_ITEMS, ...FINANCE_ITEMS, ...PEOPLE_ITEMS, ...KEY_ITEMS];
