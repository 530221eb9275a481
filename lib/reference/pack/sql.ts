/**
 * SQL Query Activity entries: the T-SQL subset SFMC runs, what it refuses, limits and data actions, the system data
 * views with their main columns, and the standard query patterns. Our own words; facts from Salesforce Help.
 */
import type { ReferenceEntry } from '../schema.ts';
import { help } from './sources.ts';
import { DATA_VIEW_ENTRIES } from './data-views.ts';

const SQL = ['sql', 'query activity', 'automation studio', 't-sql'];
const REF = help('mc_as_sql_reference');
const QA = help('mc_as_using_the_query_activity');

const RULES: ReferenceEntry[] = [
  {
    id: 'sql.timeout',
    kind: 'sql-rule',
    title: 'Query activities time out after 30 minutes',
    text: 'A SQL query activity may run for at most 30 minutes; past that it is stopped and the automation step fails with a timeout. Make slow queries cheaper: filter data views by date first, select only needed columns, avoid functions on joined columns, and split work into staging data extensions across several queries.',
    keywords: [...SQL, 'timeout', 'time limit', '30 minutes', 'how long', 'runtime', 'duration', 'maximum run time', 'slow query', 'performance'],
    source: QA,
  },
  {
    id: 'sql.select-only',
    kind: 'sql-rule',
    title: 'Query activities run one SELECT into a target data extension',
    text: 'A query activity is a single SELECT statement (joins, subqueries, UNION, CASE and window functions allowed); its result rows are written into the target data extension chosen in the activity. Output column names must match the target field names, so alias computed columns. No semicolons and no second statement.',
    keywords: [...SQL, 'select', 'target data extension', 'supported sql', 'what sql works', 'alias', 'column names must match'],
    example: 'SELECT s.SubscriberKey, s.EmailAddress\nFROM _Subscribers s\nWHERE s.Status = \'active\'',
    source: REF,
  },
  {
    id: 'sql.no-dml',
    kind: 'sql-rule',
    title: 'No UPDATE, DELETE or INSERT: use the data action instead',
    text: 'UPDATE, DELETE, INSERT, MERGE and TRUNCATE are not supported. To change rows, SELECT the new values and choose the Update data action (matched on primary key); to remove rows, write the rows to keep with Overwrite; to add rows, use Append.',
    keywords: [...SQL, 'update statement', 'delete statement', 'insert into', 'merge', 'truncate', 'modify rows', 'not supported', 'delete rows'],
    source: REF,
  },
  {
    id: 'sql.no-variables',
    kind: 'sql-rule',
    title: 'No DECLARE or variables in query activities',
    text: 'DECLARE, SET @variable and table variables are not supported: the query must be one self-contained SELECT. Put fixed values inline, compute dates with GETDATE()/DATEADD in the WHERE clause, or keep parameters in a small settings data extension and join to it.',
    keywords: [...SQL, 'declare', 'variable', '@variable', 'set', 'parameter', 'not supported'],
    source: REF,
  },
  {
    id: 'sql.no-temp-tables',
    kind: 'sql-rule',
    title: 'No temp tables or CREATE TABLE',
    text: 'Temporary tables (#temp), SELECT … INTO, CREATE/ALTER/DROP TABLE and other DDL are not available. Use a staging data extension as the target of one query and the source of the next, chained as steps in the same automation.',
    keywords: [...SQL, 'temp table', '#temp', 'create table', 'select into', 'ddl', 'staging data extension', 'intermediate table'],
    source: REF,
  },
  {
    id: 'sql.no-exec',
    kind: 'sql-rule',
    title: 'No EXEC, stored procedures, cursors or loops',
    text: 'EXEC/EXECUTE, stored procedures, dynamic SQL, cursors, WHILE loops, IF blocks and transactions are not supported. Express the logic set-based in one SELECT (CASE, joins, window functions) or split it over several query activities.',
    keywords: [...SQL, 'exec', 'stored procedure', 'dynamic sql', 'cursor', 'while loop', 'transaction', 'not supported'],
    source: REF,
  },
  {
    id: 'sql.no-limit',
    kind: 'sql-rule',
    title: 'LIMIT does not exist: use TOP',
    text: 'SFMC speaks SQL Server\'s dialect, so MySQL/PostgreSQL LIMIT n is a syntax error. Write SELECT TOP 100 … to cap rows, TOP n PERCENT for a share, and add ORDER BY to decide which rows are kept.',
    keywords: [...SQL, 'limit', 'top', 'first n rows', 'row limit', 'sample rows'],
    example: 'SELECT TOP 1000 SubscriberKey, EmailAddress\nFROM Customers\nORDER BY CreatedDate DESC',
    source: REF,
  },
  {
    id: 'sql.order-by-top',
    kind: 'sql-rule',
    title: 'ORDER BY needs TOP (rows land unordered)',
    text: 'A target data extension has no row order, so a plain ORDER BY is rejected: ORDER BY is only accepted together with TOP (or inside OVER() of a window function). Use it to pick which rows survive (TOP 1 … ORDER BY date DESC), not to sort the output.',
    keywords: [...SQL, 'order by', 'sort', 'top', 'order by clause is invalid', 'sorting results'],
    source: REF,
  },
  {
    id: 'sql.data-actions',
    kind: 'sql-rule',
    title: 'Data actions: Overwrite, Update, Append',
    text: 'Each query activity writes with one data action. Overwrite empties the target and inserts the result. Update inserts new rows and updates existing ones matched by the target\'s primary key (needs a primary key). Append only adds rows, and fails on a duplicate primary key.',
    keywords: [...SQL, 'data action', 'overwrite', 'update', 'append', 'upsert', 'replace data', 'add rows'],
    source: QA,
  },
  {
    id: 'sql.primary-key',
    kind: 'sql-rule',
    title: 'Primary keys in query targets',
    text: 'The target\'s primary key decides how Update matches rows and makes duplicates an error: if the SELECT returns two rows with the same key, the query fails with a primary key violation. Deduplicate in the query (ROW_NUMBER) or widen the key. Key fields cannot be null.',
    keywords: [...SQL, 'primary key', 'duplicate key', 'unique', 'key field', 'duplicates'],
    source: QA,
  },
  {
    id: 'sql.brackets',
    kind: 'sql-rule',
    title: 'Square brackets for names with spaces or hyphens',
    text: 'Data extension and field names with spaces, hyphens or reserved words must be wrapped in square brackets: [My Customers].[First Name]. Plain names like Customers need none. Double quotes are not a substitute.',
    keywords: [...SQL, 'brackets', 'spaces in name', 'field name with space', 'hyphen', 'reserved word', 'quote table name', 'escape'],
    example: 'SELECT c.[First Name], c.[E-mail]\nFROM [Spring Customers 2026] c',
    source: REF,
  },
  {
    id: 'sql.ent-prefix',
    kind: 'sql-rule',
    title: 'Ent. prefix for shared data extensions from a child business unit',
    text: 'From a child business unit, a data extension in the parent\'s Shared Data Extensions folder is referenced as Ent.[Name]. Data extensions of the child itself need no prefix. Data views seen from a child BU show only that BU\'s data.',
    keywords: [...SQL, 'ent', 'shared data extension', 'parent business unit', 'enterprise', 'child bu', 'invalid object name'],
    example: 'SELECT SubscriberKey FROM Ent.[Master Customers]',
    source: REF,
  },
  {
    id: 'sql.getdate-cst',
    kind: 'sql-rule',
    title: 'GETDATE() returns Central Standard Time',
    text: 'GETDATE() and the dates stored in system data views are in Central Standard Time (UTC−6) all year: daylight saving is not applied. GETUTCDATE() gives UTC. Account for the offset when comparing with data you stored in local time.',
    keywords: [...SQL, 'getdate', 'current date', 'today', 'now', 'time zone', 'cst', 'utc', 'getutcdate', 'daylight saving'],
    source: REF,
  },
  {
    id: 'sql.dateadd',
    kind: 'sql-rule',
    title: 'Date arithmetic: DATEADD and DATEDIFF',
    text: 'DATEADD(unit, n, date) shifts a date (DAY, HOUR, MONTH, …; negative n goes back) and DATEDIFF(unit, start, end) counts boundaries between two dates. For "last 30 days" compare EventDate >= DATEADD(DAY, -30, GETDATE()); keep the function on the constant side so filters stay fast.',
    keywords: [...SQL, 'dateadd', 'datediff', 'last 30 days', 'days ago', 'date range', 'date math', 'age', 'yesterday'],
    example: 'WHERE o.EventDate >= DATEADD(DAY, -30, GETDATE())',
    source: REF,
  },
  {
    id: 'sql.convert-timezone',
    kind: 'sql-rule',
    title: 'CONVERT, CAST and AT TIME ZONE',
    text: 'CAST(x AS type) and CONVERT(type, x, style) change types; CONVERT(DATE, EventDate) drops the time and style 120 formats yyyy-mm-dd hh:mi:ss. To move a CST date to another zone: EventDate AT TIME ZONE \'Central America Standard Time\' AT TIME ZONE \'UTC\' (or a local zone name).',
    keywords: [...SQL, 'convert', 'cast', 'at time zone', 'date format', 'time zone conversion', 'strip time', 'format date'],
    example: "SELECT CONVERT(DATE, EventDate) AS OpenDay,\n  EventDate AT TIME ZONE 'Central America Standard Time' AT TIME ZONE 'UTC' AS OpenUtc\nFROM _Open",
    source: REF,
  },
  {
    id: 'sql.functions',
    kind: 'sql-rule',
    title: 'Functions available in query activities',
    text: 'The usual SQL Server functions work: string (LEFT, RIGHT, SUBSTRING, CHARINDEX, LEN, REPLACE, UPPER, LOWER, LTRIM, RTRIM, CONCAT), null handling (ISNULL, COALESCE, NULLIF), CASE and IIF, aggregates with GROUP BY/HAVING, window functions (ROW_NUMBER, RANK, COUNT() OVER), date functions and CAST/CONVERT.',
    keywords: [...SQL, 'functions', 'string functions', 'isnull', 'coalesce', 'case when', 'group by', 'substring', 'charindex', 'concat'],
    source: REF,
  },
  {
    id: 'sql.joins',
    kind: 'sql-rule',
    title: 'Joins, UNION and subqueries',
    text: 'INNER, LEFT, RIGHT, FULL OUTER and CROSS JOIN, UNION/UNION ALL, EXISTS/NOT EXISTS and IN subqueries are supported. Give every table an alias and prefix columns with it, or columns present in both tables become ambiguous.',
    keywords: [...SQL, 'join', 'inner join', 'left join', 'union', 'subquery', 'exists', 'combine tables', 'alias'],
    source: REF,
  },
  {
    id: 'sql.target-fields',
    kind: 'sql-rule',
    title: 'Target data extension fields must fit the results',
    text: 'Results are mapped by column name to the target data extension: each selected column needs a field of the same name, a compatible type and enough length. Too-long text fails the query (truncate with LEFT(col, n)), and a NULL into a required field fails too. Extra target fields stay empty.',
    keywords: [...SQL, 'target fields', 'field length', 'truncate', 'data type', 'mapping', 'column mapping', 'nullable'],
    example: 'SELECT SubscriberKey, LEFT(SMTPBounceReason, 4000) AS Reason\nFROM _Bounce',
    source: QA,
  },
  {
    id: 'sql.data-view-access',
    kind: 'sql-rule',
    title: 'System data views are read only through queries',
    text: 'Data views (_Sent, _Open, _Subscribers, …) do not appear in Contact Builder and cannot be opened or exported directly: SELECT from them in a query activity into your own data extension, then view or export that. Most tracking views keep about six months of data.',
    keywords: [...SQL, 'data view', 'system table', 'tracking data', 'export data view', 'where are data views', 'retention'],
    source: help('mc_as_data_views'),
  },
  {
    id: 'sql.case-insensitive',
    kind: 'sql-rule',
    title: 'Comparisons are case-insensitive',
    text: 'Text comparisons in query activities ignore case: WHERE Status = \'Active\' also matches \'active\'. Names of data extensions and fields are case-insensitive as well. LIKE with % and _ works as in SQL Server.',
    keywords: [...SQL, 'case sensitive', 'collation', 'like', 'wildcard', 'uppercase'],
    source: REF,
  },
];

const PATTERNS: ReferenceEntry[] = [
  {
    id: 'sql.pattern.dedupe',
    kind: 'sql-pattern',
    title: 'Deduplicate with ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)',
    text: 'To keep one row per key (e.g. the latest row per email address), number the rows inside each group with ROW_NUMBER() OVER (PARTITION BY key ORDER BY date DESC) in a subquery and keep rn = 1. Removes duplicates before they hit a primary key.',
    keywords: ['sql', 'dedupe', 'deduplicate', 'duplicates', 'remove duplicates', 'row_number', 'partition by', 'latest record', 'one row per'],
    example:
      'SELECT SubscriberKey, EmailAddress\nFROM (\n  SELECT SubscriberKey, EmailAddress,\n    ROW_NUMBER() OVER (PARTITION BY EmailAddress ORDER BY ModifiedDate DESC) AS rn\n  FROM Signups\n) x\nWHERE x.rn = 1',
    source: REF,
  },
  {
    id: 'sql.pattern.exclusion',
    kind: 'sql-pattern',
    title: 'Exclude rows found in another table: LEFT JOIN … IS NULL',
    text: 'To keep the rows of A that have no match in B (suppression, not yet sent, never purchased), LEFT JOIN B on the key and keep WHERE B.key IS NULL. NOT EXISTS gives the same result; avoid NOT IN with a column that may contain NULL.',
    keywords: ['sql', 'exclude', 'exclusion', 'suppression', 'not in', 'not exists', 'left join is null', 'anti join', 'who is missing'],
    example:
      'SELECT a.SubscriberKey, a.EmailAddress\nFROM Audience a\nLEFT JOIN Suppression s ON s.SubscriberKey = a.SubscriberKey\nWHERE s.SubscriberKey IS NULL',
    source: REF,
  },
  {
    id: 'sql.pattern.engaged-last-n-days',
    kind: 'sql-pattern',
    title: 'Engaged subscribers in the last N days',
    text: 'Openers or clickers of the last N days: select distinct SubscriberKey from _Open (or _Click) where EventDate >= DATEADD(DAY, -N, GETDATE()). Filtering by date first keeps the query well within the time limit; use UNION for open-or-click.',
    keywords: ['sql', 'engagement', 'openers', 'clickers', 'active subscribers', 'last 30 days', 'recent opens', 'engaged'],
    example:
      'SELECT DISTINCT o.SubscriberKey\nFROM _Open o\nWHERE o.EventDate >= DATEADD(DAY, -30, GETDATE())',
    source: help('mc_as_data_view_open'),
  },
  {
    id: 'sql.pattern.sent-not-opened',
    kind: 'sql-pattern',
    title: 'Sent but never opened (join on SubscriberKey and JobID)',
    text: 'Tracking views join on the send: match _Sent to _Open on JobID plus SubscriberKey (add ListID and BatchID for exact send matches), and keep rows with no open. The same join links _Sent to _Click, _Bounce or _Unsubscribe, and _Job adds the email name and subject.',
    keywords: ['sql', 'non openers', 'did not open', 'never opened', 'join data views', 'jobid', 'subscriberkey', 'resend to non-openers'],
    example:
      'SELECT s.SubscriberKey\nFROM _Sent s\nLEFT JOIN _Open o ON o.JobID = s.JobID AND o.SubscriberKey = s.SubscriberKey\nWHERE s.JobID = 12345 AND o.SubscriberKey IS NULL',
    source: help('mc_as_data_view_sent'),
  },
  {
    id: 'sql.pattern.journey-sends',
    kind: 'sql-pattern',
    title: 'Which journey sent an email: _Sent + _JourneyActivity + _Journey',
    text: 'Journey email sends carry TriggererSendDefinitionObjectID in _Sent; match it to _JourneyActivity.JourneyActivityObjectID, then _JourneyActivity.VersionID to _Journey.VersionID to get the journey name and version.',
    keywords: ['sql', 'journey', 'journey email tracking', 'journey name', 'journey report', 'TriggererSendDefinitionObjectID'],
    example:
      'SELECT j.JourneyName, j.VersionNumber, a.ActivityName, s.SubscriberKey, s.EventDate\nFROM _Sent s\nJOIN _JourneyActivity a ON a.JourneyActivityObjectID = s.TriggererSendDefinitionObjectID\nJOIN _Journey j ON j.VersionID = a.VersionID',
    source: help('mc_as_data_view_journey_activity'),
  },
  {
    id: 'sql.pattern.active-subscribers',
    kind: 'sql-pattern',
    title: 'Keep only sendable (active) subscribers',
    text: 'Join your audience to _Subscribers and keep Status = \'active\' to drop unsubscribed, held and bounced addresses before a send or export. For one business unit also exclude keys found in _BusinessUnitUnsubscribes.',
    keywords: ['sql', 'active', 'status', 'unsubscribed', 'held', 'clean audience', 'remove unsubscribes', 'suppress'],
    example:
      "SELECT a.SubscriberKey, a.EmailAddress\nFROM Audience a\nJOIN _Subscribers s ON s.SubscriberKey = a.SubscriberKey\nWHERE s.Status = 'active'",
    source: help('mc_as_data_view_subscribers'),
  },
  {
    id: 'sql.pattern.hard-bounces',
    kind: 'sql-pattern',
    title: 'Hard bounces in a period',
    text: 'Select from _Bounce where BounceCategory = \'Hard bounce\' and EventDate within the period. Hard bounces are permanent (unknown user or domain); soft and block bounces are usually temporary.',
    keywords: ['sql', 'hard bounce', 'bounced emails', 'invalid addresses', 'soft bounce', 'block bounce'],
    example:
      "SELECT b.SubscriberKey, b.EventDate, b.SMTPCode\nFROM _Bounce b\nWHERE b.BounceCategory = 'Hard bounce' AND b.EventDate >= DATEADD(DAY, -7, GETDATE())",
    source: help('mc_as_data_view_bounce'),
  },
  {
    id: 'sql.pattern.latest-per-group',
    kind: 'sql-pattern',
    title: 'Latest record per contact',
    text: 'For the most recent order, open or event per contact, rank with ROW_NUMBER() OVER (PARTITION BY SubscriberKey ORDER BY date DESC) and keep rank 1, or use MAX(date) with GROUP BY when only the date is needed.',
    keywords: ['sql', 'latest', 'most recent', 'last purchase', 'last open date', 'max date', 'group by'],
    example:
      'SELECT SubscriberKey, MAX(EventDate) AS LastOpen\nFROM _Open\nGROUP BY SubscriberKey',
    source: REF,
  },
];

export const SQL_ENTRIES: ReferenceEntry[] = [...RULES, ...PATTERNS, ...DATA_VIEW_ENTRIES];
