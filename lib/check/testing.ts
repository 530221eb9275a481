/**
 * A small, fixed catalogue for unit tests, so rule tests do not move when the reference pack grows.
 */
import { catalogFrom, type Catalog } from './catalog.ts';

export const TEST_CATALOG: Catalog = catalogFrom({
  ampscript: [
    { name: 'Lookup', minArgs: 4, maxArgs: null },
    { name: 'LookupRows', minArgs: 3, maxArgs: null },
    { name: 'RowCount', minArgs: 1, maxArgs: 1 },
    { name: 'Row', minArgs: 2, maxArgs: 2 },
    { name: 'Field', minArgs: 2, maxArgs: 3 },
    { name: 'V', minArgs: 1, maxArgs: 1 },
    { name: 'Concat', minArgs: 1, maxArgs: null },
    { name: 'Empty', minArgs: 1, maxArgs: 1 },
    { name: 'Output', minArgs: 1, maxArgs: 1 },
    { name: 'Now', minArgs: 0, maxArgs: 1 },
    { name: 'AttributeValue', minArgs: 1, maxArgs: 1 },
    { name: 'HTTPGet', minArgs: 1, maxArgs: 4 },
    { name: 'RequestParameter', minArgs: 1, maxArgs: 1, contexts: ['cloudpage', 'landing-page'] },
  ],
  ssjsPlatform: [
    { name: 'Lookup', minArgs: 4, maxArgs: 4 },
    { name: 'LookupRows', minArgs: 3, maxArgs: 3 },
    { name: 'ParseJSON', minArgs: 1, maxArgs: 1 },
  ],
  dataViews: ['_Open', '_Sent', '_Click', '_Bounce', '_Subscribers'],
});
