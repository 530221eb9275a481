/**
 * AMPscript corpus: valid snippets (0 errors expected) and broken ones (rule + line expected).
 */
import type { CorpusSnippet } from './types.ts';

const amp = (name: string, code: string, extra: Partial<CorpusSnippet> = {}): CorpusSnippet => ({
  name,
  language: 'ampscript',
  code,
  ...extra,
});
const html = (name: string, code: string, extra: Partial<CorpusSnippet> = {}): CorpusSnippet => ({
  name,
  language: 'html',
  code,
  ...extra,
});

export const AMPSCRIPT_VALID: CorpusSnippet[] = [
  amp(
    'greeting with fallback',
    `%%[
VAR @firstName
SET @firstName = AttributeValue("FirstName")
IF Empty(@firstName) THEN
  SET @firstName = "there"
ENDIF
]%%
Hi %%=ProperCase(@firstName)=%%,`,
  ),
  amp(
    'lookup rows and loop',
    `%%[
SET @subKey = _subscriberkey
SET @rows = LookupRows("Orders", "SubscriberKey", @subKey)
SET @count = RowCount(@rows)
IF @count > 0 THEN
  FOR @i = 1 TO @count DO
    SET @row = Row(@rows, @i)
    SET @orderId = Field(@row, "OrderID")
]%%
<p>Order %%=v(@orderId)=%%</p>
%%[
  NEXT @i
ELSE
]%%
<p>No orders yet.</p>
%%[ ENDIF ]%%`,
  ),
  amp('countdown with DOWNTO', `%%[ FOR @n = 3 DOWNTO 1 DO ]%%%%=v(@n)=%%... %%[ NEXT @n ]%%Go!`),
  amp(
    'ELSEIF chain with AND/OR/NOT',
    `%%[
SET @tier = Lookup("Loyalty", "Tier", "Email", emailaddr)
SET @points = Lookup("Loyalty", "Points", "Email", emailaddr)
IF @tier == "Gold" AND @points >= 1000 THEN
  SET @msg = "Thanks for being Gold!"
ELSEIF @tier == "Silver" OR @tier == "Bronze" THEN
  SET @msg = "You are close to the next tier."
ELSEIF NOT Empty(@tier) THEN
  SET @msg = "Welcome back."
ELSE
  SET @msg = "Join our loyalty program."
ENDIF
]%%
<h1>%%=v(@msg)=%%</h1>`,
  ),
  amp(
    'date formatting',
    `%%[
SET @joined = AttributeValue("JoinDate")
SET @renewal = DateAdd(@joined, 1, "Y")
SET @nice = FormatDate(@renewal, "MMMM d, yyyy")
]%%
Your membership renews on %%=v(@nice)=%%.`,
  ),
  amp(
    'concat and IIF in inline',
    `%%[ SET @first = [First Name] SET @last = [Last Name] ]%%
<p>%%=IIF(Empty(@first), "Hello!", Concat("Hello ", @first, " ", @last, "!"))=%%</p>`,
  ),
  html(
    'CloudPage form handler with RequestParameter and UpsertData',
    `<!DOCTYPE html>
<html>
<body>
%%[
SET @email = RequestParameter("email")
SET @optin = RequestParameter("optin")
IF NOT Empty(@email) AND IsEmailAddress(@email) THEN
  UpsertData("Newsletter", 1, "Email", @email, "OptIn", @optin, "Updated", Now())
  SET @status = "saved"
ENDIF
]%%
<form method="post" action="%%=RequestParameter('PAGEURL')=%%">
  <input name="email" type="email" value="%%=v(@email)=%%">
  %%[ IF @status == "saved" THEN ]%%<p>Thanks!</p>%%[ ENDIF ]%%
</form>
</body>
</html>`,
    { contentType: 'cloudpage' },
  ),
  html(
    'email with personalization strings and view-as-web-page',
    `<table width="100%">
  <tr><td>Dear %%FirstName%%,</td></tr>
  <tr><td><a href="%%view_email_url%%">View in browser</a></td></tr>
  <tr><td><a href="%%=RedirectTo(@link)=%%" alias="cta">Shop now</a></td></tr>
  <tr><td>%%Member_Busname%% · <a href="%%unsub_center_url%%">Unsubscribe</a></td></tr>
</table>
%%[ SET @link = Concat("https://example.com/shop?id=", _subscriberkey) ]%%`,
    { contentType: 'email' },
  ),
  amp(
    'comments are skipped',
    `%%[
/* Pull the preferred store; the DE is keyed on SubscriberKey */
SET @store = Lookup("Preferences", "Store", "SubscriberKey", _subscriberkey)
/* IF this is empty we show the default ENDIF ( */
IF Empty(@store) THEN SET @store = "Main Street" ENDIF
]%%
Your store: %%=v(@store)=%%`,
  ),
  amp(
    'case-insensitive keywords and functions',
    `%%[
var @count
set @count = rowcount(lookuprows("Cart", "SubscriberKey", _subscriberkey))
if @count > 1 then
  output(concat("You have ", @count, " items"))
elseif @count == 1 then
  output("You have one item")
endif
]%%`,
  ),
  html(
    'ampscript in a server script tag',
    `<script runat="server" language="ampscript">
  SET @city = Lookup("Customers", "City", "SubscriberKey", _subscriberkey)
  IF Empty(@city) THEN
    SET @city = "your city"
  ENDIF
</script>
<p>Events near %%=v(@city)=%%</p>`,
  ),
  html(
    'ssjs sets a variable used by ampscript',
    `<script runat="server">
  Platform.Load("Core", "1.1.1");
  var key = Platform.Recipient.GetAttributeValue("SubscriberKey");
  Variable.SetValue("@greeting", "Hello " + key);
</script>
%%=v(@greeting)=%%`,
  ),
  amp(
    'nested IF and FOR',
    `%%[
SET @rows = LookupOrderedRows("Events", 5, "EventDate DESC", "City", "Paris")
FOR @i = 1 TO RowCount(@rows) DO
  SET @row = Row(@rows, @i)
  IF Field(@row, "SoldOut") == "true" THEN
    SET @label = "Sold out"
  ELSE
    IF Field(@row, "Price") < 20 THEN
      SET @label = "Bargain"
    ELSE
      SET @label = ""
    ENDIF
  ENDIF
NEXT @i
]%%`,
  ),
  amp(
    'string escapes and single quotes',
    `%%[
SET @quote = 'She said "hi"'
SET @apos = "It's ""quoted"" twice"
SET @json = '{"a": 1, "b": "x"}'
]%%
%%=v(@quote)=%% %%=v(@apos)=%%`,
  ),
  amp(
    'HTTPGet sets its status variable',
    `%%[
SET @body = HTTPGet("https://example.com/offers.json", false, 0, @status)
IF @status == 0 THEN
  SET @offer = @body
ENDIF
]%%`,
  ),
  amp(
    'RaiseError to skip a send',
    `%%[
SET @email = AttributeValue("EmailAddress")
IF IndexOf(@email, "@example.com") > 0 THEN
  RaiseError("Internal address, not sending", true)
ENDIF
]%%`,
    { contentType: 'email' },
  ),
  html(
    'CloudPage with AMPscript and SSJS together',
    `<html>
<head><title>Preferences</title></head>
<body>
<script runat="server">
  Platform.Load("Core", "1.1.1");
  var sk = Platform.Request.GetQueryStringParameter("sk");
  Variable.SetValue("@sk", sk);
</script>
%%[
SET @pref = Lookup("Preferences", "Frequency", "SubscriberKey", @sk)
IF Empty(@pref) THEN SET @pref = "weekly" ENDIF
]%%
<p>You get our emails %%=v(@pref)=%%.</p>
</body>
</html>`,
    { contentType: 'cloudpage' },
  ),
  html(
    'AMPscript inside a client-side script and a style block',
    `<style>.pct { width: 50%; }</style>
<script>
  var name = "%%=v(@name)=%%";
  document.title = "Hi " + name;
</script>
%%[ SET @name = ProperCase(AttributeValue("FirstName")) ]%%`,
  ),
];

export const AMPSCRIPT_BROKEN: CorpusSnippet[] = [
  html(
    'modern JavaScript in a CloudPage server script',
    `<html><body>
<script runat="server">
  Platform.Load("Core", "1.1.1");
  const rows = Platform.Function.LookupRows("Events", "City", "Paris");
</script>
</body></html>`,
    { expect: { line: 4, rule: 'no-let-const' } },
  ),
  html(
    'inline output never closed inside an attribute',
    `<table>
  <tr><td><a href="https://example.com/?id=%%=v(@id)">Open</a></td></tr>
</table>
%%[ SET @id = _subscriberkey ]%%`,
    { expect: { line: 2, rule: 'unclosed-block' } },
  ),
  html(
    'IF opened in one block and never closed in the email',
    `%%[ SET @vip = AttributeValue("VIP") IF @vip == "true" THEN ]%%
<p>Welcome to the VIP lounge.</p>
<p>See you soon.</p>`,
    { expect: { line: 1, rule: 'if-without-endif' } },
  ),
  amp(
    'LookupRow instead of LookupRows',
    `%%[
SET @rows = LookupRow("Orders", "SubscriberKey", _subscriberkey)
]%%`,
    { expect: { line: 2, rule: 'unknown-function' } },
  ),
  amp(
    'Substr brought from JavaScript',
    `%%[
SET @name = AttributeValue("FirstName")
SET @initial = Substr(@name, 1, 1)
]%%`,
    { expect: { line: 3, rule: 'unknown-function' } },
  ),
  amp(
    'misspelled AttributeValue',
    `%%[
SET @name = AttributeValu("FirstName")
]%%`,
    { expect: { line: 2, rule: 'unknown-function' } },
  ),
  amp(
    'Lookup with three arguments',
    `%%[
SET @email = _subscriberkey
SET @first = Lookup("Customers", "FirstName", "Email")
]%%`,
    { expect: { line: 3, rule: 'argument-count' } },
  ),
  amp(
    'block never closed',
    `<p>Hello</p>
%%[
SET @a = "x"
<p>%%=v(@a)=%%</p>`,
    { expect: { line: 2, rule: 'unclosed-block' } },
  ),
  html(
    'stray ]%%',
    `<p>Hi</p>
SET @a = 1 ]%%
<p>there</p>`,
    { expect: { line: 2, rule: 'unopened-block' } },
  ),
  amp(
    'unclosed parenthesis',
    `%%[
SET @d = FormatDate(Now(), "yyyy-MM-dd"
SET @e = "x"
]%%`,
    { expect: { line: 2, rule: 'unbalanced-parentheses' } },
  ),
  amp(
    'unclosed string',
    `%%[
SET @a = "hello
SET @b = 2
]%%`,
    { expect: { line: 2, rule: 'unclosed-string' } },
  ),
  amp(
    'IF without ENDIF',
    `%%[
SET @x = AttributeValue("Tier")
IF @x == "Gold" THEN
  SET @msg = "Hi Gold"
]%%
%%=v(@msg)=%%`,
    { expect: { line: 3, rule: 'if-without-endif' } },
  ),
  amp(
    'ENDIF without IF',
    `%%[
SET @x = 1
ENDIF
]%%`,
    { expect: { line: 3, rule: 'endif-without-if' } },
  ),
  amp(
    'missing THEN',
    `%%[
SET @tier = AttributeValue("Tier")
IF @tier == "Gold"
  SET @msg = "Hi"
ENDIF
]%%`,
    { expect: { line: 3, rule: 'missing-then' } },
  ),
  amp(
    'FOR without NEXT',
    `%%[
SET @rows = LookupRows("Orders", "Status", "open")
FOR @i = 1 TO RowCount(@rows) DO
  SET @row = Row(@rows, @i)
]%%`,
    { expect: { line: 3, rule: 'for-without-next' } },
  ),
  amp(
    'NEXT without FOR',
    `%%[
SET @i = 1
NEXT @i
]%%`,
    { expect: { line: 3, rule: 'next-without-for' } },
  ),
  amp(
    'variable without @ in SET',
    `%%[
SET firstName = AttributeValue("FirstName")
]%%`,
    { expect: { line: 2, rule: 'variable-without-at' } },
  ),
  amp(
    'variable without @ in VAR',
    `%%[
VAR @a, b
SET @a = 1
]%%`,
    { expect: { line: 2, rule: 'variable-without-at' } },
  ),
  amp(
    'ELSE outside IF',
    `%%[
SET @a = 1
ELSE
SET @a = 2
]%%`,
    { expect: { line: 3, rule: 'else-outside-if' } },
  ),
  amp(
    'ELSEIF outside IF',
    `%%[
SET @a = 1
ELSEIF @a == 2 THEN
]%%`,
    { expect: { line: 3, rule: 'else-outside-if' } },
  ),
  amp(
    'ELSE IF written as two words',
    `%%[
SET @t = AttributeValue("Tier")
IF @t == "Gold" THEN
  SET @m = "a"
ELSE IF @t == "Silver" THEN
  SET @m = "b"
ENDIF
]%%`,
    { expect: { line: 5, rule: 'else-if' } },
  ),
  amp(
    'plus used to join strings',
    `%%[
SET @first = AttributeValue("FirstName")
SET @greeting = "Hello " + @first
]%%`,
    { expect: { line: 3, rule: 'unsupported-operator' } },
  ),
  amp(
    'assignment without SET',
    `%%[
VAR @total
@total = Add(1, 2)
]%%`,
    { expect: { line: 3, rule: 'missing-set' } },
  ),
  amp(
    'FOR without DO',
    `%%[
FOR @i = 1 TO 5
  Output(v(@i))
NEXT @i
]%%`,
    { expect: { line: 2, rule: 'for-syntax' } },
  ),
  amp(
    'CloudPage-only function in an email',
    `%%[
SET @email = RequestParameter("email")
]%%`,
    { contentType: 'email', expect: { line: 2, rule: 'content-type' } },
  ),
  amp(
    'variable used but never set',
    `%%[
SET @greeting = Concat("Hi ", @firstname)
]%%`,
    { expect: { line: 2, rule: 'unset-variable' } },
  ),
];
