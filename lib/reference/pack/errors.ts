/**
 * Common SFMC error messages (kind `error`): the message as users see it in the title, then the usual cause and the
 * fix in our own words, each linking to the most relevant Salesforce Help or developer guide page.
 */
import type { ReferenceEntry } from '../schema.ts';
import { dev, help } from './sources.ts';

const SQLERR = ['error', 'sql', 'query activity', 'query failed'];
const REF = help('mc_as_sql_reference');
const QA = help('mc_as_using_the_query_activity');
const AMPSCRIPT_SYNTAX =
  'https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/guide/mc-ampscript-guide-language-basics-syntax.html';

function e(
  id: string,
  title: string,
  text: string,
  keywords: string[],
  source: string,
  example?: string,
): ReferenceEntry {
  const entry: ReferenceEntry = { id: `error.${id}`, kind: 'error', title, text, keywords, source };
  if (example) entry.example = example;
  return entry;
}

export const ERROR_ENTRIES: ReferenceEntry[] = [
  e(
    'query-timeout',
    'Query activity failed: timed out',
    'The query ran past the 30-minute limit and was stopped. Filter data views by EventDate before joining, select only needed columns, avoid functions and OR on join keys, drop DISTINCT where a GROUP BY or key already ensures uniqueness, and split the work into staging data extensions over several steps.',
    [...SQLERR, 'timeout', 'timed out', 'killed', 'stopped', 'too long', '30 minutes', 'runs forever', 'slow'],
    QA,
  ),
  e(
    'primary-key-violation',
    'Violation of PRIMARY KEY constraint / cannot insert duplicate key',
    'The result contains two rows with the same primary key value, or Append tried to add a key that is already in the target. Deduplicate with ROW_NUMBER() … WHERE rn = 1, use the Update data action instead of Append, or change the primary key to the real unique combination.',
    [...SQLERR, 'primary key violation', 'duplicate key', 'duplicate', 'unique constraint', 'cannot insert duplicate'],
    QA,
  ),
  e(
    'invalid-column',
    'Invalid column name',
    "The query names a column that does not exist in the source table or data view: a typo, a field with a space missing its brackets, or a column from the wrong alias. Check the data extension's field names (or the data view's columns) and wrap names with spaces in [ ].",
    [...SQLERR, 'invalid column name', 'unknown column', 'column does not exist', 'misspelled field'],
    REF,
  ),
  e(
    'field-not-found',
    'Field not found in the target data extension',
    'A selected column (or a column in an AMPscript/SSJS write) has no field of that name in the target data extension, so it cannot be mapped. Alias the column to the target field name (SELECT x AS FirstName) or add the field to the target data extension.',
    [...SQLERR, 'field not found', 'column not in target', 'mapping error', 'target data extension field'],
    QA,
  ),
  e(
    'invalid-object-name',
    'Invalid object name',
    'The data extension or data view in FROM cannot be found: the name is misspelled, it has spaces without brackets, it is shared in the parent business unit (needs Ent.), or it lives in another business unit.',
    [...SQLERR, 'invalid object name', 'table not found', 'data extension not found', 'ent prefix'],
    REF,
  ),
  e(
    'ambiguous-column',
    'Ambiguous column name',
    'A column exists in more than one joined table (SubscriberKey, JobID, EventDate in data views) and the query did not say which one. Alias every table and prefix every column: s.SubscriberKey.',
    [...SQLERR, 'ambiguous column name', 'join error', 'alias'],
    REF,
  ),
  e(
    'truncation',
    'String or binary data would be truncated',
    'A value is longer than the target field allows (e.g. a 4,000+ character SMTPBounceReason into a 255-character field). Make the target field longer or cut the value with LEFT(column, n).',
    [...SQLERR, 'truncated', 'too long', 'field length', 'string or binary data'],
    QA,
  ),
  e(
    'null-not-allowed',
    'Cannot insert the value NULL into a required field',
    "A row has NULL for a field that is required (not nullable) or part of the primary key in the target. Filter those rows out or supply a default with ISNULL(column, 'value').",
    [...SQLERR, 'null', 'cannot insert null', 'required field', 'not nullable'],
    QA,
  ),
  e(
    'conversion-failed',
    'Conversion failed when converting date/time or number',
    'A text value could not be turned into the target type: an unparseable date string, a number with text in it. Clean it with TRY_CONVERT/CASE, check the date format (CONVERT style), or make the target field Text.',
    [...SQLERR, 'conversion failed', 'date format', 'cast error', 'invalid date', 'data type mismatch'],
    REF,
  ),
  e(
    'order-by-invalid',
    'The ORDER BY clause is invalid … unless TOP is also specified',
    'SFMC wraps the query when writing to the target, so a plain ORDER BY is rejected. Add TOP n to pick rows in that order, use ORDER BY only inside ROW_NUMBER() OVER(…), or drop it: the target data extension is unordered anyway.',
    [...SQLERR, 'order by clause is invalid', 'order by', 'top', 'sort error'],
    REF,
  ),
  e(
    'ampscript-invalid-function',
    'AMPscript: "… is not a valid function"',
    'The AMPscript parser does not know the function: a typo, a function from another language (SQL GETDATE, JavaScript toUpperCase), or an invented name. Check the exact name in the AMPscript function reference (e.g. Now(), Uppercase(), LookupRows()); names are case-insensitive but must exist.',
    ['error', 'ampscript', 'not a valid function', 'unknown function', 'invalid function', 'function does not exist'],
    AMPSCRIPT_SYNTAX,
  ),
  e(
    'ampscript-wrong-arguments',
    'AMPscript: wrong number of arguments / invalid parameter',
    "A function got too few or too many arguments, or an argument of the wrong kind (e.g. a data extension name that does not exist, an odd number of column/value pairs in LookupRows). Compare the call with the function's signature; repeating column/value pairs must come in twos.",
    ['error', 'ampscript', 'parameter count', 'wrong number of parameters', 'invalid parameter', 'argument count'],
    AMPSCRIPT_SYNTAX,
  ),
  e(
    'contact-already-in-journey',
    'Journey: contact already in journey / not admitted again',
    'With Re-entry only after exiting a contact still inside the journey is not admitted again; with No re-entry a contact who was ever in it is never admitted again. Wait until they exit, pick Re-entry anytime for repeatable events (e.g. every purchase), or use a new journey version only if the mode allows it.',
    [
      'error',
      'journey builder',
      'already in journey',
      'contact not entering',
      're-entry',
      'not admitted',
      'duplicate contact',
    ],
    help('mc_jb_choose_a_contact_entry_mode'),
  ),
  e(
    'contact-not-entering-journey',
    'Journey: contacts are not entering',
    'Usual causes: the journey is not active or the entry schedule has not run; the data extension entry only picks up new rows; the entry filter excludes them; the re-entry mode blocks them; the contact key field is empty; or an API event call uses the wrong event definition key.',
    [
      'error',
      'journey builder',
      'no one entered',
      'contacts not entering',
      'journey not working',
      'entry source',
      'event definition key',
    ],
    help('mc_jb_journey_settings'),
  ),
  e(
    'ssjs-500',
    'CloudPage shows 500 Internal Server Error',
    'An SSJS or AMPscript error stopped the page and SFMC hides the message. Wrap the SSJS in try/catch and Write(Stringify(e)), check for modern JavaScript syntax (let, const, arrow functions) the engine rejects, and for AMPscript errors test parts of the code one at a time.',
    ['error', 'ssjs', 'cloudpage', '500', 'internal server error', 'blank page', 'page broken'],
    dev('ssjs_serverSideJavaScript'),
  ),
  e(
    'ssjs-syntax',
    'SSJS syntax error: unexpected token',
    'The engine parses ES3-era JavaScript only, so let/const, =>, template literals, classes, spread or destructuring end in a syntax error. Rewrite with var, function expressions and string concatenation.',
    ['error', 'ssjs', 'syntax error', 'unexpected token', 'let', 'arrow function', 'template literal'],
    dev('ssjs_serverSideJavaScript'),
  ),
  e(
    'ssjs-core-not-loaded',
    'SSJS: "DataExtension is not defined"',
    'Core objects (DataExtension, Subscriber, TriggeredSend …) exist only after Platform.Load("Core", "1.1.1") at the top of the script block. In emails the Core library is not available: use Platform.Function calls there.',
    ['error', 'ssjs', 'is not defined', 'undefined', 'core library', 'Platform.Load', 'reference error'],
    dev('ssjs_platformWrappers'),
  ),
  e(
    'triggered-send-not-running',
    'Triggered send not sending',
    "A triggered send definition only accepts requests while started (Running); after editing the email it must be published again, and Pause queues messages without sending. Check its status, the send classification, and the subscriber's status.",
    ['error', 'triggered send', 'not sending', 'paused', 'not running', 'publish', 'transactional email not sent'],
    help('mc_es_triggered_sends'),
  ),
  e(
    'import-failed',
    'Import activity errors and file not found',
    'An import fails when the file name does not match (dates in names, case), the file is not where the activity looks (Import folder of the Enhanced FTP), the delimiter or encoding differs, or rows break key or type rules. The import results email and activity history list the rejected rows.',
    ['error', 'import', 'file not found', 'import failed', 'rejected rows', 'ftp', 'delimiter'],
    help('mc_as_import_file_activity'),
  ),
  e(
    'held-subscriber',
    'Subscriber status Held: emails not delivered',
    'A held subscriber had repeated hard bounces and receives no email. Fix the address or confirm it is valid, then set the status back to Active in All Subscribers (or through the API); a new bounce puts it back on hold.',
    ['error', 'held', 'not receiving emails', 'bounced subscriber', 'reactivate', 'status held'],
    help('mc_es_subscriber_status'),
  ),
];
