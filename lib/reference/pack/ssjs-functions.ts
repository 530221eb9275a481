/**
 * SSJS `Platform.Function.*` entries: one per function, with the argument facts a checker needs. Names and argument
 * counts were cross-checked against ../shared/data/ssjs-facts.json (facts only); parameter names and all text are ours.
 */
import type { Param, ReferenceEntry } from '../schema.ts';
import { dev } from './sources.ts';

type Category = 'DataExtension' | 'Content' | 'ContentSyndication' | 'DateTime' | 'Utility' | 'API';

interface FnSpec {
  name: string;
  category: Category;
  params: Param[];
  returns: string;
  text: string;
  keywords?: string[];
  example?: string;
}

const s = (name: string, optional = false): Param =>
  optional ? { name, type: 'string', optional } : { name, type: 'string' };
const p = (name: string, type: Param['type'], optional = false): Param =>
  optional ? { name, type, optional } : { name, type };

const SPECS: FnSpec[] = [
  // ---------------------------------------------------------------- data extensions
  {
    name: 'Lookup',
    category: 'DataExtension',
    params: [s('dataExtension'), s('returnColumn'), p('filterColumns', 'any'), p('filterValues', 'any')],
    returns: 'string',
    text: 'Returns one column value from the first data extension row that matches the filter. Filter columns and values may be single strings or parallel arrays for several conditions. Returns an empty value when nothing matches.',
    keywords: ['get one value', 'read a field from a data extension', 'single value lookup'],
    example: 'var name = Platform.Function.Lookup("Customers", "FirstName", "SubscriberKey", key);',
  },
  {
    name: 'LookupRows',
    category: 'DataExtension',
    params: [s('dataExtension'), p('filterColumns', 'any'), p('filterValues', 'any')],
    returns: 'array of row objects',
    text: 'Returns every data extension row matching the filter as an array of objects (at most 2,000 rows). Columns and values can be arrays for AND conditions. Check the array length before reading rows.',
    keywords: ['get many rows', 'several rows', 'multiple rows', 'all matching rows', 'rowset'],
    example:
      'var rows = Platform.Function.LookupRows("Orders", "SubscriberKey", key);\nfor (var i = 0; i < rows.length; i++) { Write(rows[i].OrderID); }',
  },
  {
    name: 'LookupOrderedRows',
    category: 'DataExtension',
    params: [
      s('dataExtension'),
      p('count', 'number'),
      s('orderBy'),
      p('filterColumns', 'any'),
      p('filterValues', 'any'),
    ],
    returns: 'array of row objects',
    text: 'Like LookupRows but sorted and capped: the second argument is how many rows to return, the third the sort ("Column ASC" or "Column DESC").',
    keywords: ['sorted rows', 'latest rows', 'order by', 'top n rows'],
    example: 'var last = Platform.Function.LookupOrderedRows("Orders", 3, "OrderDate DESC", "SubscriberKey", key);',
  },
  {
    name: 'InsertData',
    category: 'DataExtension',
    params: [s('dataExtension'), p('columns', 'array'), p('values', 'array')],
    returns: 'number of rows inserted',
    text: 'Adds a row to a data extension from parallel arrays of column names and values. Meant for CloudPages and script activities; fails on a primary key that already exists (use UpsertData then).',
    keywords: ['add row', 'write to data extension', 'insert row', 'save form'],
    example: 'Platform.Function.InsertData("Leads", ["Email", "Source"], [email, "form"]);',
  },
  {
    name: 'InsertDE',
    category: 'DataExtension',
    params: [s('dataExtension'), p('columns', 'array'), p('values', 'array')],
    returns: 'nothing',
    text: 'The send-time version of InsertData for use inside emails: the row is written as the email is built and nothing is returned.',
    keywords: ['insert during send', 'email log row'],
  },
  {
    name: 'UpdateData',
    category: 'DataExtension',
    params: [
      s('dataExtension'),
      p('filterColumns', 'array'),
      p('filterValues', 'array'),
      p('columns', 'array'),
      p('values', 'array'),
    ],
    returns: 'number of rows updated',
    text: 'Updates the rows that match the filter arrays with the given column values. Does nothing when no row matches (UpsertData also inserts).',
    keywords: ['change row', 'modify data extension row'],
    example: 'Platform.Function.UpdateData("Prefs", ["SubscriberKey"], [key], ["Frequency"], ["weekly"]);',
  },
  {
    name: 'UpdateDE',
    category: 'DataExtension',
    params: [
      s('dataExtension'),
      p('filterColumns', 'array'),
      p('filterValues', 'array'),
      p('columns', 'array'),
      p('values', 'array'),
    ],
    returns: 'nothing',
    text: 'The send-time version of UpdateData for use inside emails; returns nothing.',
    keywords: ['update during send'],
  },
  {
    name: 'UpsertData',
    category: 'DataExtension',
    params: [
      s('dataExtension'),
      p('filterColumns', 'array'),
      p('filterValues', 'array'),
      p('columns', 'array'),
      p('values', 'array'),
    ],
    returns: 'number of rows affected',
    text: 'Updates the row matching the filter (normally the primary key) or inserts it when missing. The safe choice for forms that may be submitted twice.',
    keywords: ['insert or update', 'upsert row', 'save preferences'],
    example: 'Platform.Function.UpsertData("Prefs", ["SubscriberKey"], [key], ["Frequency"], ["monthly"]);',
  },
  {
    name: 'UpsertDE',
    category: 'DataExtension',
    params: [
      s('dataExtension'),
      p('filterColumns', 'array'),
      p('filterValues', 'array'),
      p('columns', 'array'),
      p('values', 'array'),
    ],
    returns: 'nothing',
    text: 'The send-time version of UpsertData for use inside emails; returns nothing.',
    keywords: ['upsert during send'],
  },
  {
    name: 'DeleteData',
    category: 'DataExtension',
    params: [s('dataExtension'), p('columns', 'array'), p('values', 'array')],
    returns: 'number of rows deleted',
    text: 'Deletes every data extension row matching the column/value arrays. Used in CloudPages and script activities; an empty filter is refused, so it cannot wipe a whole table by accident.',
    keywords: ['remove row', 'delete row from data extension'],
    example: 'Platform.Function.DeleteData("Cart", ["SubscriberKey"], [key]);',
  },
  {
    name: 'DeleteDE',
    category: 'DataExtension',
    params: [s('dataExtension'), p('columns', 'array'), p('values', 'array')],
    returns: 'nothing',
    text: 'The send-time version of DeleteData for use inside emails; returns nothing.',
    keywords: ['delete during send'],
  },
  // ---------------------------------------------------------------- content
  {
    name: 'ContentBlockByKey',
    category: 'Content',
    params: [
      s('customerKey'),
      s('impressionRegion', true),
      p('failIfMissing', 'boolean', true),
      s('defaultContent', true),
    ],
    returns: 'string (rendered content)',
    text: 'Renders a Content Builder block found by its external key. Optional: an impression region name, whether a missing block is an error, and fallback content.',
    keywords: ['include content block', 'reuse block'],
    example: 'Write(Platform.Function.ContentBlockByKey("footer-key"));',
  },
  {
    name: 'ContentBlockByName',
    category: 'Content',
    params: [
      s('path'),
      s('impressionRegion', true),
      p('failIfMissing', 'boolean', true),
      s('defaultContent', true),
      p('status', 'number', true),
    ],
    returns: 'string (rendered content)',
    text: 'Renders a Content Builder block found by its folder path and name (e.g. "Content Builder\\Shared\\Footer"). Renaming or moving the block breaks the reference, so keys are sturdier.',
    keywords: ['content block by path'],
  },
  {
    name: 'ContentBlockByID',
    category: 'Content',
    params: [
      p('id', 'number'),
      s('impressionRegion', true),
      p('failIfMissing', 'boolean', true),
      s('defaultContent', true),
    ],
    returns: 'string (rendered content)',
    text: 'Renders a Content Builder block found by its numeric asset ID. IDs differ between business units, which makes keys the portable choice.',
    keywords: ['content block id'],
  },
  {
    name: 'ContentImageByKey',
    category: 'Content',
    params: [s('customerKey'), s('defaultKey', true)],
    returns: 'string (img tag)',
    text: 'Returns an HTML img tag for a Content Builder image found by its external key, with an optional fallback image key.',
    keywords: ['image tag', 'insert image'],
  },
  {
    name: 'ContentImageByID',
    category: 'Content',
    params: [p('id', 'number'), p('defaultId', 'number', true)],
    returns: 'string (img tag)',
    text: 'Returns an HTML img tag for a Content Builder image found by its asset ID, with an optional fallback ID.',
    keywords: ['image by id'],
  },
  {
    name: 'TreatAsContent',
    category: 'Content',
    params: [s('content')],
    returns: 'string (rendered content)',
    text: 'Evaluates a string as content, so AMPscript or personalization strings stored in a variable or data extension field run, and links in it are tracked.',
    keywords: ['evaluate ampscript string', 'render stored html'],
  },
  {
    name: 'BeginImpressionRegion',
    category: 'Content',
    params: [s('regionName')],
    returns: 'nothing',
    text: 'Starts a named impression region: clicks on links inside it are reported against that region. Close it with EndImpressionRegion.',
    keywords: ['impression tracking', 'track block clicks'],
  },
  {
    name: 'EndImpressionRegion',
    category: 'Content',
    params: [p('closeAll', 'boolean', true)],
    returns: 'nothing',
    text: 'Closes the innermost impression region, or all open regions when passed true.',
    keywords: ['close impression region'],
  },
  {
    name: 'ContentArea',
    category: 'Content',
    params: [
      p('id', 'number'),
      s('impressionRegion', true),
      p('failIfMissing', 'boolean', true),
      s('defaultContent', true),
    ],
    returns: 'string (rendered content)',
    text: 'Renders a classic content area by ID. Classic content is legacy: prefer Content Builder blocks (ContentBlockByKey).',
    keywords: ['classic content area', 'legacy content'],
  },
  {
    name: 'ContentAreaByName',
    category: 'Content',
    params: [s('path'), s('impressionRegion', true), p('failIfMissing', 'boolean', true), s('defaultContent', true)],
    returns: 'string (rendered content)',
    text: 'Renders a classic content area by folder path and name. Legacy; Content Builder blocks replace it.',
    keywords: ['classic content by name'],
  },
  // ---------------------------------------------------------------- HTTP
  {
    name: 'HTTPGet',
    category: 'ContentSyndication',
    params: [
      s('url'),
      p('continueOnError', 'boolean', true),
      p('emptyContentHandling', 'number', true),
      p('headerNames', 'array', true),
      p('headerValues', 'array', true),
      p('status', 'array', true),
    ],
    returns: 'string (response body)',
    text: 'Fetches a URL with GET and returns the body as text. Only http/https on the standard ports (80, 443). For JSON APIs parse the result with ParseJSON; for status codes and other verbs use Script.Util.HttpRequest.',
    keywords: ['call an api', 'http request', 'fetch url', 'get request', 'content syndication'],
    example: 'var body = Platform.Function.HTTPGet("https://example.com/api/offers");',
  },
  {
    name: 'HTTPPost',
    category: 'ContentSyndication',
    params: [
      s('url'),
      s('contentType'),
      s('payload'),
      p('headerNames', 'array', true),
      p('headerValues', 'array', true),
      p('response', 'array', true),
    ],
    returns: 'number (HTTP status)',
    text: 'Posts a payload to a URL and returns the status code; pass an array as the sixth argument to receive the response body. Needs at least URL, content type and payload.',
    keywords: ['post request', 'send json to api', 'webhook'],
    example:
      'var out = [0];\nvar status = Platform.Function.HTTPPost(url, "application/json", Stringify(data), ["Authorization"], ["Bearer " + token], out);',
  },
  // ---------------------------------------------------------------- dates
  {
    name: 'Now',
    category: 'DateTime',
    params: [p('useSendTime', 'boolean', true)],
    returns: 'date',
    text: 'Current server date and time (Central Standard Time, no daylight saving). In an email, passing true returns the time the send started instead of the moment the email was built.',
    keywords: ['current date', 'today', 'timestamp', 'current time'],
  },
  {
    name: 'SystemDateToLocalDate',
    category: 'DateTime',
    params: [p('date', 'date')],
    returns: 'date',
    text: 'Converts a server (CST) date to the local time zone configured for the account or user.',
    keywords: ['time zone conversion', 'cst to local'],
  },
  {
    name: 'LocalDateToSystemDate',
    category: 'DateTime',
    params: [p('date', 'date')],
    returns: 'date',
    text: "Converts a date in the account's local time zone to server time (CST).",
    keywords: ['local to server time'],
  },
  // ---------------------------------------------------------------- utilities
  {
    name: 'RaiseError',
    category: 'Utility',
    params: [s('message'), p('skipSend', 'boolean', true), s('apiErrorCode', true), s('apiErrorNumber', true)],
    returns: 'nothing',
    text: 'Stops processing with an error message. In an email send, passing true as the second argument skips only this subscriber instead of failing the whole send.',
    keywords: ['stop send', 'skip subscriber', 'throw error', 'abort'],
    example: 'if (!email) { Platform.Function.RaiseError("No email address", true); }',
  },
  {
    name: 'GUID',
    category: 'Utility',
    params: [],
    returns: 'string',
    text: 'Returns a new globally unique identifier (36 characters). Handy as a primary key for log rows.',
    keywords: ['unique id', 'uuid', 'random id'],
  },
  {
    name: 'IsEmailAddress',
    category: 'Utility',
    params: [s('value')],
    returns: 'boolean',
    text: 'True when the string has the syntax of an email address. It checks the format only, not whether the mailbox exists.',
    keywords: ['validate email', 'email valid'],
  },
  {
    name: 'IsPhoneNumber',
    category: 'Utility',
    params: [s('value')],
    returns: 'boolean',
    text: 'True when the string looks like a valid (North American) phone number.',
    keywords: ['validate phone', 'phone valid'],
  },
  {
    name: 'ParseJSON',
    category: 'Utility',
    params: [s('json')],
    returns: 'object',
    text: 'Turns a JSON string into an object or array. The engine has no dependable native JSON.parse, so this is the way to read API responses.',
    keywords: ['json parse', 'read json', 'parse api response'],
    example: 'var data = Platform.Function.ParseJSON(body);',
  },
  {
    name: 'Stringify',
    category: 'Utility',
    params: [p('value', 'any')],
    returns: 'string',
    text: 'Serializes an object or array to a JSON string; also available as the global Stringify(). Useful for debugging with Write(Stringify(obj)).',
    keywords: ['json stringify', 'serialize', 'debug output object'],
    example: 'Write(Stringify(rows));',
  },
  {
    name: 'RedirectTo',
    category: 'Utility',
    params: [s('url')],
    returns: 'nothing',
    text: 'Returns a tracked redirect URL for a link (used in emails). To send a CloudPage visitor elsewhere use Platform.Response.Redirect.',
    keywords: ['tracked link', 'redirect link'],
  },
  {
    name: 'UrlEncode',
    category: 'Utility',
    params: [s('value'), p('spacesOnly', 'boolean', true)],
    returns: 'string',
    text: 'Percent-encodes a string for use in a URL; with true as the second argument only spaces are encoded.',
    keywords: ['encode url', 'escape query string'],
  },
  {
    name: 'Base64Encode',
    category: 'Utility',
    params: [s('value'), s('encoding', true)],
    returns: 'string',
    text: 'Base64-encodes a string, optionally with a named character encoding (UTF-8 by default).',
    keywords: ['base64', 'encode'],
  },
  {
    name: 'Base64Decode',
    category: 'Utility',
    params: [s('value'), s('encoding', true)],
    returns: 'string',
    text: 'Decodes a Base64 string, optionally with a named character encoding.',
    keywords: ['base64 decode'],
  },
  {
    name: 'MD5',
    category: 'Utility',
    params: [s('value'), s('encoding', true)],
    returns: 'string',
    text: 'Returns the MD5 hash of a string as hex. Not for passwords; fine for cache keys and matching.',
    keywords: ['hash', 'md5 hash'],
  },
  {
    name: 'IsCHTMLBrowser',
    category: 'Utility',
    params: [s('userAgent')],
    returns: 'boolean',
    text: 'True when the user agent string belongs to a compact-HTML (old mobile) browser. Legacy.',
    keywords: ['mobile browser', 'user agent'],
  },
  // ---------------------------------------------------------------- SOAP API objects
  {
    name: 'CreateObject',
    category: 'API',
    params: [s('objectType')],
    returns: 'object',
    text: 'Creates an empty SOAP API object of the given type (e.g. "TriggeredSend") to fill with SetObjectProperty and pass to the Invoke functions. WSProxy is the simpler modern route.',
    keywords: ['soap object', 'api object'],
  },
  {
    name: 'SetObjectProperty',
    category: 'API',
    params: [p('object', 'object'), s('property'), p('value', 'any')],
    returns: 'nothing',
    text: 'Sets one property on an object made with CreateObject.',
    keywords: ['set soap property'],
  },
  {
    name: 'AddObjectArrayItem',
    category: 'API',
    params: [p('object', 'object'), s('arrayProperty'), p('item', 'any')],
    returns: 'nothing',
    text: 'Appends an item to an array property of an object made with CreateObject (e.g. Subscribers on a TriggeredSend).',
    keywords: ['add to soap array'],
  },
  {
    name: 'InvokeCreate',
    category: 'API',
    params: [p('object', 'object'), p('status', 'array'), p('options', 'object')],
    returns: 'string (status)',
    text: 'Runs a SOAP Create for an object made with CreateObject; the status array receives the result message and code.',
    keywords: ['soap create'],
  },
  {
    name: 'InvokeUpdate',
    category: 'API',
    params: [p('object', 'object'), p('status', 'array'), p('options', 'object')],
    returns: 'string (status)',
    text: 'Runs a SOAP Update for an object made with CreateObject.',
    keywords: ['soap update'],
  },
  {
    name: 'InvokeDelete',
    category: 'API',
    params: [p('object', 'object'), p('status', 'array'), p('options', 'object')],
    returns: 'string (status)',
    text: 'Runs a SOAP Delete for an object made with CreateObject.',
    keywords: ['soap delete'],
  },
  {
    name: 'InvokeRetrieve',
    category: 'API',
    params: [p('retrieveRequest', 'object'), p('status', 'array')],
    returns: 'array of objects',
    text: 'Runs a SOAP Retrieve from a RetrieveRequest object and returns the matching objects.',
    keywords: ['soap retrieve'],
  },
  {
    name: 'InvokePerform',
    category: 'API',
    params: [p('object', 'object'), s('action'), p('status', 'array'), p('options', 'object', true)],
    returns: 'string (status)',
    text: 'Runs a SOAP Perform action (such as "start") on an object, e.g. to start a query or automation.',
    keywords: ['soap perform', 'start activity'],
  },
  {
    name: 'InvokeConfigure',
    category: 'API',
    params: [p('object', 'object'), s('action'), p('status', 'array'), p('options', 'object')],
    returns: 'string (status)',
    text: 'Runs a SOAP Configure action on an object.',
    keywords: ['soap configure'],
  },
  {
    name: 'InvokeExecute',
    category: 'API',
    params: [p('request', 'object'), p('status', 'array')],
    returns: 'object',
    text: 'Runs a SOAP Execute request (e.g. LogUnsubEvent).',
    keywords: ['soap execute', 'log unsubscribe event'],
  },
  {
    name: 'InvokeExtract',
    category: 'API',
    params: [p('request', 'object'), p('status', 'array')],
    returns: 'object',
    text: 'Runs a SOAP Extract request (data or tracking extract).',
    keywords: ['soap extract'],
  },
  {
    name: 'InvokeSchedule',
    category: 'API',
    params: [
      p('object', 'object'),
      s('action'),
      p('schedule', 'object'),
      p('interactions', 'array'),
      p('status', 'array', true),
    ],
    returns: 'string (status)',
    text: 'Runs a SOAP Schedule action, attaching a schedule definition to an object.',
    keywords: ['soap schedule'],
  },
];

function slug(spec: FnSpec): string {
  return `ssjs_platform${spec.category}${spec.name}`;
}

function toEntry(spec: FnSpec): ReferenceEntry {
  const minArgs = spec.params.filter((x) => !x.optional).length;
  const entry: ReferenceEntry = {
    id: `ssjs.fn.${spec.name.toLowerCase()}`,
    kind: 'ssjs-function',
    title: `Platform.Function.${spec.name}`,
    text: spec.text,
    keywords: ['ssjs', 'server-side javascript', spec.name, ...(spec.keywords ?? [])],
    signature: `Platform.Function.${spec.name}(${spec.params.map((x) => (x.optional ? `[${x.name}]` : x.name)).join(', ')})`,
    source: dev(slug(spec)),
    function: { name: spec.name, params: spec.params, minArgs, maxArgs: spec.params.length, returns: spec.returns },
  };
  if (spec.example) entry.example = spec.example;
  return entry;
}

export const SSJS_FUNCTION_ENTRIES: ReferenceEntry[] = SPECS.map(toEntry);
