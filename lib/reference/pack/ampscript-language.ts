/**
 * The AMPscript language itself as reference entries: delimiters, variables, conditions, loops, operators, comments,
 * literals, personalization and system strings, case rules, rowset handling and the errors learners meet first.
 * Our own words; facts from the official AMPscript guide. Checked by `ampscript.test.ts` (schema and a strict lint of
 * every example).
 */
import type { ReferenceEntry } from '../schema.ts';

const GUIDE = 'https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/guide';

export const AMPSCRIPT_LANGUAGE: ReferenceEntry[] = [
  {
    id: 'ampscript.lang.overview',
    kind: 'ampscript-language',
    title: 'AMPscript: what it is and where it runs',
    text:
      "AMPscript is Marketing Cloud's server-side scripting language for personalising content. It runs when the " +
      'content is rendered: at send time for email and SMS, on every request for CloudPages and landing pages, and in ' +
      'preview/test sends. The subscriber never sees the code, only its output. Some functions work only in some ' +
      'places (e.g. RequestParameter and Redirect only on pages; InsertDE in email, InsertData on pages).',
    keywords: [
      'ampscript',
      'what is ampscript',
      'scripting language',
      'personalization',
      'server side',
      'where does ampscript run',
    ],
    example: '%%[ SET @first = AttributeValue("FirstName") ]%%\nHello %%=v(@first)=%%',
    source: `${GUIDE}/mc-ampscript-guide-overview.html`,
  },
  {
    id: 'ampscript.lang.blocks',
    kind: 'ampscript-language',
    title: 'Code blocks %%[ … ]%%',
    text:
      'A block %%[ … ]%% holds statements: VAR, SET, IF, FOR and function calls. A block produces no output by itself ' +
      '(use Output or an inline expression for that) and may span many lines. Blocks can sit anywhere in the HTML, ' +
      'and an IF or FOR opened in one block can close in a later block, with plain content in between.',
    keywords: ['block', 'code block', '%%[', ']%%', 'delimiters', 'statements', 'syntax'],
    signature: '%%[ statements ]%%',
    example:
      '%%[\nVAR @tier\nSET @tier = AttributeValue("Tier")\nIF @tier == "gold" THEN\n]%%\n<p>Gold offer</p>\n%%[ ENDIF ]%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.inline',
    kind: 'ampscript-language',
    title: 'Inline output %%= … =%%',
    text:
      'An inline expression %%= … =%% evaluates one expression and writes the result into the content at that spot: ' +
      'a function call, or v(@variable) to print a variable. It cannot hold statements such as SET or IF. It works ' +
      'inside HTML attributes too, e.g. href="%%=RedirectTo(@url)=%%".',
    keywords: [
      'inline',
      'inline ampscript',
      '%%=',
      '=%%',
      'print',
      'output variable',
      'display value',
      'show variable',
    ],
    signature: '%%= expression =%%',
    example: '%%[ SET @name = "Ada" ]%%\n<p>Hello %%=v(@name)=%%, today is %%=FormatDate(Now(), "dddd")=%%</p>',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.script-tag',
    kind: 'ampscript-language',
    title: '<script runat="server" language="ampscript">',
    text:
      'AMPscript can also be written inside <script runat="server" language="ampscript"> … </script>, without the %%[ ]%% ' +
      'delimiters. It behaves like a block. Without language="ampscript" a server script is read as SSJS (server-side ' +
      'JavaScript), a different language.',
    keywords: ['script tag', 'runat server', 'language ampscript', 'script block', 'ssjs', 'server side script'],
    signature: '<script runat="server" language="ampscript"> statements </script>',
    example:
      '<script runat="server" language="ampscript">\n  SET @today = FormatDate(Now(), "yyyy-MM-dd")\n  Output(Concat("Date: ", @today))\n</script>',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.variables',
    kind: 'ampscript-language',
    title: 'Variables: VAR and SET',
    text:
      'Variable names start with @ (letters, digits and underscores). VAR @a, @b declares variables (they start as ' +
      'null); SET @a = expression assigns, and also declares when VAR was skipped. A variable used before any VAR or ' +
      'SET is an error. Values are untyped: strings, numbers, dates, booleans, rows and rowsets. Variables live for ' +
      'one render (one subscriber, one page request).',
    keywords: ['variable', 'var', 'set', 'declare', 'assign', '@', 'declare variable'],
    signature: 'VAR @name [, @nameN…]   SET @name = expression',
    example:
      '%%[\nVAR @first, @last\nSET @first = "Ada"\nSET @last = "Lovelace"\n]%%\n%%=Concat(@first, " ", @last)=%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-variables.html`,
  },
  {
    id: 'ampscript.lang.if',
    kind: 'ampscript-language',
    title: 'IF … THEN / ELSEIF / ELSE / ENDIF',
    text:
      'Conditions: IF condition THEN … [ELSEIF condition THEN …] [ELSE …] ENDIF. THEN is required after every IF and ' +
      'ELSEIF, and every IF needs its ENDIF. The branches can contain statements or, across blocks, plain HTML. There ' +
      'is no CASE/SWITCH: chain ELSEIFs. For a one-line choice use IIf.',
    keywords: [
      'if',
      'then',
      'else',
      'elseif',
      'endif',
      'condition',
      'conditional',
      'if statement',
      'dynamic content',
      'branch',
    ],
    signature: 'IF condition THEN … [ELSEIF condition THEN …] [ELSE …] ENDIF',
    example:
      '%%[\nSET @points = 120\nIF @points >= 100 THEN\n  SET @level = "Gold"\nELSEIF @points >= 50 THEN\n  SET @level = "Silver"\nELSE\n  SET @level = "Member"\nENDIF\n]%%\nLevel: %%=v(@level)=%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-conditional-statements.html`,
  },
  {
    id: 'ampscript.lang.for',
    kind: 'ampscript-language',
    title: 'FOR loops: FOR @i = a TO b DO … NEXT @i',
    text:
      'FOR @i = start TO end DO … NEXT @i repeats the body with the counter going up by 1; DOWNTO counts down. The ' +
      'bounds are read once at the start. There is no WHILE, BREAK or step size. The usual use is looping over a ' +
      'rowset from 1 to RowCount(@rows); a loop whose end is 0 does not run.',
    keywords: ['for', 'loop', 'for loop', 'next', 'to', 'downto', 'do', 'iterate', 'repeat', 'each row'],
    signature: 'FOR @counter = start TO|DOWNTO end DO … NEXT @counter',
    example: '%%[ FOR @i = 3 DOWNTO 1 DO ]%%\n%%=v(@i)=%%…\n%%[ NEXT @i ]%%\nLift-off!',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-loops.html`,
  },
  {
    id: 'ampscript.lang.operators',
    kind: 'ampscript-language',
    title: 'Comparison and logical operators',
    text:
      'Comparisons: == (equal), != (not equal), <, >, <=, >=. Logic: AND, OR, NOT, with parentheses for grouping. ' +
      'String comparison with == ignores letter case. A single = only assigns in SET. AMPscript has no arithmetic ' +
      'operators (+, -, *, /): use Add, Subtract, Multiply, Divide and Concat for strings.',
    keywords: [
      'operators',
      'equals',
      '==',
      '!=',
      'not equal',
      'and',
      'or',
      'not',
      'comparison',
      'greater than',
      'plus',
      'arithmetic',
    ],
    example:
      '%%[\nSET @age = 30\nSET @country = "US"\nIF (@age >= 21 AND @country == "us") OR NOT Empty(@age) THEN\n  SET @ok = "yes"\nENDIF\n]%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-operators.html`,
  },
  {
    id: 'ampscript.lang.comments',
    kind: 'ampscript-language',
    title: 'Comments /* … */',
    text:
      'Comments are written /* … */ inside a block and may span lines; they never reach the output. There is no // ' +
      'line comment in AMPscript. An HTML comment <!-- --> around AMPscript does not stop the code from running.',
    keywords: ['comment', 'comments', '/*', 'comment out', 'disable code', 'notes in code'],
    example: '%%[\n/* pick the greeting for the time of day */\nSET @hour = DatePart(Now(), "H")\n]%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.literals',
    kind: 'ampscript-language',
    title: 'Strings, numbers and booleans',
    text:
      'String literals go in double or single quotes ("text" or \'text\'); to put the same quote inside, double it ' +
      '("say ""hi""") or use the other quote kind. Numbers are written plainly (42, 3.5, -1). Booleans are true and ' +
      'false. Dates are strings the date functions can read, e.g. "2026-12-31".',
    keywords: [
      'string',
      'quotes',
      'single quote',
      'double quote',
      'escape quote',
      'literal',
      'number',
      'boolean',
      'true false',
    ],
    example: '%%[ SET @json = \'{"ok":true}\' SET @quote = "She said ""yes""" SET @n = 3.5 SET @flag = true ]%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.personalization-strings',
    kind: 'ampscript-language',
    title: 'Personalization strings %%FirstName%%',
    text:
      'A personalization string %%Name%% prints a subscriber attribute or a column of the sendable data extension ' +
      'directly, without a block. If the field does not exist the send fails validation; AttributeValue("Name") returns ' +
      'empty instead. Inside code use the bare name (FirstName) or AttributeValue; names with spaces need brackets, ' +
      'e.g. [First Name].',
    keywords: [
      'personalization string',
      'personalisation',
      'merge field',
      'mail merge',
      '%%firstname%%',
      'attribute',
      'first name',
      'subscriber attribute',
    ],
    example: 'Dear %%FirstName%%,\n%%[ SET @city = AttributeValue("City") ]%%\nNews for %%=v(@city)=%%',
    source: 'https://help.salesforce.com/s/articleView?id=mc_es_available_personalization_strings.htm&type=5',
  },
  {
    id: 'ampscript.lang.system-strings',
    kind: 'ampscript-language',
    title: 'System strings: _subscriberkey, emailaddr, jobid…',
    text:
      'Marketing Cloud supplies values about the current send: _subscriberkey (subscriber key), emailaddr (email ' +
      'address), _emailid (email ID), jobid (send job), listid, _JobSubscriberBatchID, memberid (business unit MID), ' +
      '_messagecontext (SEND, PREVIEW, VAWP for the web version, SITE for CloudPages, SMS…), view_email_url (web ' +
      'version link), subscriberid, xtmonth/xtyear ' +
      '(date parts of the send). Write them as %%emailaddr%% or bare inside code. Outside a send (e.g. on a ' +
      'CloudPage opened directly) most are empty.',
    keywords: [
      'system string',
      '_subscriberkey',
      'subscriber key',
      'emailaddr',
      'email address',
      'jobid',
      'job id',
      '_emailid',
      'listid',
      'memberid',
      '_messagecontext',
      'view_email_url',
      'web version',
      'view as web page',
    ],
    example:
      '%%[ SET @key = _subscriberkey IF _messagecontext == "PREVIEW" THEN SET @key = "test-key" ENDIF ]%%\nSent to %%emailaddr%% - <a href="%%view_email_url%%">web version</a>',
    source: 'https://help.salesforce.com/s/articleView?id=mc_es_available_personalization_strings.htm&type=5',
  },
  {
    id: 'ampscript.lang.case',
    kind: 'ampscript-language',
    title: 'Case-insensitivity',
    text:
      'AMPscript keywords, function names and variable names ignore letter case: SET, set and Set are the same, and ' +
      '@Name and @name are one variable. String comparisons with == also ignore case, and so does LookupRows; use the ' +
      'CS functions (LookupRowsCS, LookupOrderedRowsCS) when case matters.',
    keywords: ['case sensitive', 'case insensitive', 'uppercase keywords', 'capital letters', 'case'],
    example: '%%[ set @Name = "Ada" if @NAME == "ada" then ]%%same%%[ endif ]%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.rowsets',
    kind: 'ampscript-language',
    title: 'Rowsets: LookupRows → RowCount → Row → Field',
    text:
      'Functions that return several records (LookupRows, LookupOrderedRows, BuildRowsetFromString, ' +
      'BuildRowsetFromJSON…) give a rowset. Check RowCount first, then take each row with Row(@rows, @i) (1-based) ' +
      'and read columns with Field(@row, "Column"). Row with an index past RowCount is an error, so loop from 1 to ' +
      'RowCount inside an IF RowCount > 0.',
    keywords: [
      'rowset',
      'rows',
      'loop rows',
      'multiple records',
      'lookuprows',
      'rowcount',
      'row',
      'field',
      'iterate data extension',
      'display list',
    ],
    example:
      '%%[\nSET @rows = LookupOrderedRows("Orders", 5, "OrderDate DESC", "SubscriberKey", _subscriberkey)\nSET @n = RowCount(@rows)\nIF @n > 0 THEN\n  FOR @i = 1 TO @n DO\n    SET @row = Row(@rows, @i)\n]%%\n<li>%%=Field(@row, "Product")=%%</li>\n%%[\n  NEXT @i\nELSE\n]%%\n<p>No orders yet.</p>\n%%[ ENDIF ]%%',
    source:
      'https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/references/mc-ampscript-data-extension/mc-ampscript-reference-data-extension-lookup-rows.html',
  },
  {
    id: 'ampscript.lang.null-handling',
    kind: 'ampscript-language',
    title: 'Null and empty values',
    text:
      'Lookups that find nothing, missing form fields and unset variables give null or an empty string. Test with ' +
      'Empty(@x) (true for both) or IsNull(@x) (null only), or default with IsNullDefault. Passing null to a function ' +
      'that needs a value (e.g. FormatDate, DateAdd) stops the render with an error, so guard first.',
    keywords: ['null', 'empty', 'blank', 'missing value', 'default value', 'fallback', 'isnull', 'no value'],
    example:
      '%%[\nSET @date = Lookup("Members", "JoinDate", "SubscriberKey", _subscriberkey)\nIF NOT Empty(@date) THEN\n  SET @since = FormatDate(@date, "MMMM yyyy")\nELSE\n  SET @since = "recently"\nENDIF\n]%%\nMember since %%=v(@since)=%%',
    source:
      'https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/references/mc-ampscript-utilities/mc-ampscript-reference-utilities-empty.html',
  },
  {
    id: 'ampscript.lang.nesting',
    kind: 'ampscript-language',
    title: 'Nesting function calls',
    text:
      'A function call can be the argument of another: Uppercase(Substring(@name, 1, 1)). Arguments are separated by ' +
      'commas and each function takes a fixed or bounded number of them. Deep nesting works but is hard to debug; ' +
      'a few SET steps read better.',
    keywords: ['nested functions', 'nesting', 'function inside function', 'combine functions', 'arguments'],
    example: '%%[ SET @name = "ada" ]%%\n%%=Concat(Uppercase(Substring(@name, 1, 1)), Substring(@name, 2))=%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.output',
    kind: 'ampscript-language',
    title: 'Printing from a block: Output, OutputLine, v()',
    text:
      'Inside a block nothing is printed unless you call Output (or OutputLine). Outside blocks use %%=v(@x)=%% or ' +
      'another inline expression. A common mistake is writing @x in plain HTML, which prints the literal text "@x".',
    keywords: ['output', 'print', 'write', 'echo', 'display', 'show variable', 'v function', 'variable not showing'],
    example: '%%[ SET @msg = "Hi" Output(Concat(@msg, " there")) ]%%\n%%=v(@msg)=%%',
    source:
      'https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/references/mc-ampscript-utilities/mc-ampscript-reference-utilities-output.html',
  },
  {
    id: 'ampscript.lang.error-invalid-function',
    kind: 'ampscript-language',
    title: 'Error: "The function … is not valid" / wrong number of arguments',
    text:
      'Validation fails when a name is not an AMPscript function (a typo such as LookupRow, or an SSJS/SQL name), when ' +
      'a function gets too few or too many arguments, or when a page-only function (RequestParameter, Redirect, ' +
      'InsertData…) is used in an email. Check the spelling and signature in the reference and use the email variant ' +
      '(InsertDE, UpdateDE, UpsertDE, DeleteDE) in sends.',
    keywords: [
      'error',
      'function is not valid',
      'invalid function',
      'unknown function',
      'wrong number of arguments',
      'validation error',
      'not a valid function',
      'lookuprow',
    ],
    example: '%%[ SET @rows = LookupRows("Orders", "Status", "open") ]%%\n%%=RowCount(@rows)=%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-syntax.html`,
  },
  {
    id: 'ampscript.lang.error-runtime',
    kind: 'ampscript-language',
    title: 'Runtime errors during a send or on a page',
    text:
      'Errors that only show at render time: a data extension or column name that does not exist (names are checked ' +
      'when the code runs), Row() past the end of a rowset, a null date in FormatDate, a duplicate primary key in ' +
      'InsertData. In a send, the subscriber is skipped or the send errors; on a CloudPage the request fails with a ' +
      '500 page. Guard with RowCount/Empty and test with Preview and Test Send before sending.',
    keywords: [
      'runtime error',
      'error',
      'send error',
      'cloudpage 500',
      'data extension not found',
      'column not found',
      'debug',
      'preview',
      'test send',
      'troubleshoot',
    ],
    example:
      '%%[\nSET @rows = LookupRows("Orders", "SubscriberKey", _subscriberkey)\nIF RowCount(@rows) > 0 THEN\n  SET @first = Field(Row(@rows, 1), "OrderId", false)\nENDIF\n]%%',
    source: `${GUIDE}/mc-ampscript-guide-overview.html`,
  },
  {
    id: 'ampscript.lang.no-arithmetic',
    kind: 'ampscript-language',
    title: 'No + operator: use Add, Subtract, Concat',
    text:
      'AMPscript has no arithmetic or string-joining operators. "@a + 1" is a syntax error: use Add(@a, 1), ' +
      'Subtract, Multiply, Divide and Mod for numbers, and Concat to join strings.',
    keywords: [
      'plus',
      'add numbers',
      'increment',
      'counter',
      '+ operator',
      'string concatenation',
      'join strings',
      'arithmetic',
    ],
    example: '%%[ SET @count = 1 SET @count = Add(@count, 1) SET @label = Concat("Item ", @count) ]%%\n%%=v(@label)=%%',
    source: `${GUIDE}/mc-ampscript-guide-language-basics-operators.html`,
  },
  {
    id: 'ampscript.lang.subject-line',
    kind: 'ampscript-language',
    title: 'AMPscript in the subject line and preheader',
    text:
      'Subject lines and preheaders accept personalization strings and inline %%= … =%% expressions. They are ' +
      'rendered after the email body, so a variable SET in a block in the body can be printed there with v(). Keep ' +
      'the logic in the body and only print results in the subject. Since 2023 the subject is evaluated once: a ' +
      'variable whose value itself contains %%…%% code is printed as text, not run again.',
    keywords: ['subject line', 'preheader', 'personalize subject', 'dynamic subject line', 'subject personalization'],
    example:
      '%%[ SET @subjectName = ProperCase(AttributeValue("FirstName")) ]%%\nSubject: %%=v(@subjectName)=%%, your offer is here',
    source: 'https://help.salesforce.com/s/articleView?id=mc_es_available_personalization_strings.htm&type=5',
  },
  {
    id: 'ampscript.lang.ampscript-and-ssjs',
    kind: 'ampscript-language',
    title: 'AMPscript and server-side JavaScript together',
    text:
      'One email or CloudPage can hold both AMPscript and SSJS (<script runat="server">). AMPscript is shorter for ' +
      'personalisation and lookups; SSJS suits loops over API results, JSON handling and try/catch. They share ' +
      'variables through Platform.Variable.GetValue/SetValue in SSJS with "@name", which GetValue/SetValue mirror in ' +
      'AMPscript. Code runs top to bottom in page order.',
    keywords: [
      'ampscript vs ssjs',
      'server side javascript',
      'ssjs',
      'share variables',
      'platform.variable',
      'mix ampscript and javascript',
      'which language',
    ],
    example:
      '%%[ SET @firstName = AttributeValue("FirstName") ]%%\n<script runat="server">\n  Platform.Load("Core", "1.1.1");\n  var name = Platform.Variable.GetValue("@firstName");\n</script>',
    source:
      'https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/ssjs_platformAMPscriptVariableGetValue.html',
  },
  {
    id: 'ampscript.lang.preview-and-test',
    kind: 'ampscript-language',
    title: 'Testing AMPscript: preview, test sends and CloudPage preview',
    text:
      'Preview renders AMPscript against a chosen subscriber or data extension row; a test send runs it like a send. ' +
      'Outside a real send _messagecontext is PREVIEW or VAWP and job strings such as jobid may be empty. The code ' +
      'runs once for the HTML and once for the text version, so a write such as InsertDE can happen twice: guard it ' +
      'with IF _messagecontext == "SEND". Test CloudPages on the published URL with query parameters.',
    keywords: [
      'preview',
      'test send',
      'debug',
      'testing ampscript',
      'preview and test',
      'subscriber preview',
      'troubleshoot',
    ],
    example:
      '%%[ IF _messagecontext == "PREVIEW" THEN SET @note = "(preview)" ELSE SET @note = "" ENDIF ]%%\n%%=v(@note)=%%',
    source: `${GUIDE}/mc-ampscript-guide-overview.html`,
  },
  {
    id: 'ampscript.lang.where-functions-work',
    kind: 'ampscript-language',
    title: 'Email vs CloudPage vs SMS: which functions work where',
    text:
      'Email content renders in batches at send time: it cannot read a URL (RequestParameter), redirect, or use the ' +
      'page-side data writes InsertData/UpdateData/UpsertData/DeleteData (use the ...DE variants). CloudPages and ' +
      'landing pages run per request and can read form posts and query strings, redirect, write data extensions ' +
      'and call the SOAP API (CreateObject, Invoke…). SMS (MobileConnect) adds the conversation functions. Link ' +
      'from email to a page with CloudPagesURL so the subscriber context travels along.',
    keywords: [
      'email vs cloudpage',
      'landing page',
      'sms',
      'context',
      'where does it work',
      'not allowed in email',
      'page only',
      'cloudpage',
    ],
    example: '<a href="%%=RedirectTo(CloudPagesURL(1234, "campaign", "winter"))=%%">Manage preferences</a>',
    source: `${GUIDE}/mc-ampscript-guide-overview.html`,
  },
];
