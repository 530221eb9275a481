/**
 * SQL (Query Activity) corpus: valid queries (0 errors expected) and broken ones (rule + line expected).
 */
import type { CorpusSnippet } from './types.ts';

const q = (name: string, code: string, expect?: CorpusSnippet['expect']): CorpusSnippet => ({
  name,
  language: 'sql',
  code,
  ...(expect ? { expect } : {}),
});

export const SQL_VALID: CorpusSnippet[] = [
  q(
    'openers in the last 30 days',
    `SELECT o.SubscriberKey, MAX(o.EventDate) AS LastOpen
FROM _Open o
WHERE o.EventDate >= DATEADD(DAY, -30, GETDATE())
  AND o.IsUnique = 1
GROUP BY o.SubscriberKey`,
  ),
  q(
    'exclude bounced subscribers',
    `SELECT s.SubscriberKey, s.EmailAddress
FROM _Subscribers s
LEFT JOIN _Bounce b ON b.SubscriberKey = s.SubscriberKey
WHERE b.SubscriberKey IS NULL
  AND s.Status = 'active'`,
  ),
  q(
    'dedupe with ROW_NUMBER',
    `SELECT x.SubscriberKey, x.Email, x.SignupDate
FROM (
  SELECT SubscriberKey, Email, SignupDate,
         ROW_NUMBER() OVER (PARTITION BY SubscriberKey ORDER BY SignupDate DESC) AS rn
  FROM [Newsletter Signups]
) x
WHERE x.rn = 1`,
  ),
  q('TOP with ORDER BY', `SELECT TOP 100 SubscriberKey, Points\nFROM Loyalty_Members\nORDER BY Points DESC`),
  q(
    'sent and clicked on the same job',
    `SELECT s.SubscriberKey, s.JobID, c.URL, c.EventDate
FROM _Sent s
INNER JOIN _Click c
  ON c.JobID = s.JobID
 AND c.SubscriberKey = s.SubscriberKey
 AND c.ListID = s.ListID
 AND c.BatchID = s.BatchID
WHERE s.EventDate > DATEADD(DAY, -7, GETDATE())`,
  ),
  q(
    'CASE, ISNULL, CONVERT',
    `SELECT c.ContactKey AS SubscriberKey,
       CASE WHEN c.Country IN ('US', 'CA') THEN 'NA' ELSE 'INTL' END AS Region,
       ISNULL(c.FirstName, '') AS FirstName,
       CONVERT(VARCHAR(10), c.BirthDate, 120) AS BirthDay
FROM Contacts_Master c
WHERE c.Email LIKE '%@%'`,
  ),
  q(
    'CTE',
    `WITH recent AS (
  SELECT SubscriberKey, COUNT(*) AS Opens
  FROM _Open
  WHERE EventDate > DATEADD(DAY, -14, GETDATE())
  GROUP BY SubscriberKey
)
SELECT r.SubscriberKey, r.Opens
FROM recent r
WHERE r.Opens >= 3`,
  ),
  q(
    'AT TIME ZONE conversion',
    `SELECT SubscriberKey,
       EventDate AT TIME ZONE 'Central America Standard Time' AT TIME ZONE 'UTC' AS EventDateUtc
FROM _Click`,
  ),
  q(
    'journey tables with ENT prefix',
    `SELECT j.JourneyName, ja.ActivityName, COUNT(s.SubscriberKey) AS Sends
FROM _Journey j
JOIN _JourneyActivity ja ON ja.VersionID = j.VersionID
JOIN ENT._Sent s ON s.TriggererSendDefinitionObjectID = ja.JourneyActivityObjectID
GROUP BY j.JourneyName, ja.ActivityName`,
  ),
  q(
    'bracketed names with spaces and comments',
    `-- members who opted in
SELECT [Subscriber Key], [Email Address], [First Name]
FROM [Master Audience] /* shared DE */
WHERE [Opt In] = 1`,
  ),
  q(
    'unsubscribes this month',
    `SELECT u.SubscriberKey, u.EventDate
FROM _Unsubscribe u
WHERE MONTH(u.EventDate) = MONTH(GETDATE())
  AND YEAR(u.EventDate) = YEAR(GETDATE())`,
  ),
  q(
    'NOT EXISTS exclusion',
    `SELECT m.SubscriberKey, m.Email
FROM Members m
WHERE NOT EXISTS (
  SELECT 1 FROM _Complaint c WHERE c.SubscriberKey = m.SubscriberKey
)`,
  ),
  q(
    'UNION ALL of two DEs',
    `SELECT Email, 'A' AS Source FROM List_A\nUNION ALL\nSELECT Email, 'B' AS Source FROM List_B`,
  ),
  q(
    'string functions',
    `SELECT SubscriberKey,
       UPPER(LEFT(FirstName, 1)) + LOWER(SUBSTRING(FirstName, 2, LEN(FirstName))) AS FirstName,
       LTRIM(RTRIM(Email)) AS Email
FROM Imports_Raw
WHERE CHARINDEX('@', Email) > 1`,
  ),
];

export const SQL_BROKEN: CorpusSnippet[] = [
  q('UPDATE', `UPDATE Members\nSET Status = 'inactive'\nWHERE LastOpen < '2024-01-01'`, {
    line: 1,
    rule: 'select-only',
  }),
  q('DELETE', `DELETE FROM Members\nWHERE Email IS NULL`, { line: 1, rule: 'select-only' }),
  q('INSERT INTO … SELECT', `INSERT INTO Engaged (SubscriberKey)\nSELECT SubscriberKey FROM _Open`, {
    line: 1,
    rule: 'select-only',
  }),
  q(
    'DECLARE a variable',
    `DECLARE @since DATE = DATEADD(DAY, -30, GETDATE())\nSELECT SubscriberKey FROM _Open WHERE EventDate > @since`,
    { line: 1, rule: 'no-variables' },
  ),
  q('temp table', `SELECT SubscriberKey\nINTO #recent\nFROM _Open`, { line: 2, rule: 'select-into' }),
  q('reading a temp table', `SELECT t.SubscriberKey\nFROM #openers t`, { line: 2, rule: 'no-temp-table' }),
  q('LIMIT', `SELECT SubscriberKey, EmailAddress\nFROM _Subscribers\nLIMIT 100`, { line: 3, rule: 'no-limit' }),
  q('ORDER BY without TOP', `SELECT SubscriberKey, EventDate\nFROM _Open\nORDER BY EventDate DESC`, {
    line: 3,
    rule: 'order-by-without-top',
  }),
  q('misspelled data view', `SELECT SubscriberKey\nFROM _Opens\nWHERE IsUnique = 1`, {
    line: 2,
    rule: 'unknown-data-view',
  }),
  q(
    'made-up data view in a join',
    `SELECT s.SubscriberKey
FROM _Sent s
JOIN _Clicks c ON c.JobID = s.JobID`,
    { line: 3, rule: 'unknown-data-view' },
  ),
  q('trailing comma before FROM', `SELECT SubscriberKey,\n       EmailAddress,\nFROM _Subscribers`, {
    line: 2,
    rule: 'syntax',
  }),
  q(
    'unclosed parenthesis',
    `SELECT SubscriberKey
FROM _Open
WHERE EventDate > DATEADD(DAY, -7, GETDATE()`,
    { line: 3, rule: 'syntax' },
  ),
  q(
    'MySQL date functions',
    `SELECT SubscriberKey
FROM _Open
WHERE EventDate > DATE_SUB(NOW(), INTERVAL 7 DAY)`,
    { line: 3, rule: 'not-tsql' },
  ),
  q(
    'DATEADD without its unit',
    `SELECT SubscriberKey
FROM _Click
WHERE EventDate > DATEADD(GETDATE(), -7)`,
    { line: 3, rule: 'argument-count' },
  ),
  q('EXEC a procedure', `EXEC dbo.RefreshAudience`, { line: 1, rule: 'select-only' }),
  q(
    'MERGE',
    `MERGE INTO Members AS t
USING Staging AS s ON t.Id = s.Id
WHEN MATCHED THEN UPDATE SET t.Email = s.Email;`,
    { line: 1, rule: 'select-only' },
  ),
];
