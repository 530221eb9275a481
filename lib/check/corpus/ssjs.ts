/**
 * SSJS corpus: valid snippets (ES3-era, as SFMC runs them) and broken ones (rule + line expected).
 */
import type { CorpusSnippet } from './types.ts';

const js = (name: string, code: string, expect?: CorpusSnippet['expect']): CorpusSnippet => ({
  name,
  language: 'ssjs',
  code,
  ...(expect ? { expect } : {}),
});

export const SSJS_VALID: CorpusSnippet[] = [
  js(
    'lookup rows and write',
    `<script runat="server">
Platform.Load("Core", "1.1.1");
var rows = Platform.Function.LookupRows("Orders", "SubscriberKey", "12345");
for (var i = 0; i < rows.length; i++) {
  Write(rows[i].OrderID + "<br>");
}
</script>`,
  ),
  js(
    'DataExtension.Init with Core loaded',
    `Platform.Load("core", "1.1.5");
var de = DataExtension.Init("Newsletter_Signups");
var filter = { Property: "Email", SimpleOperator: "equals", Value: "a@example.com" };
var data = de.Rows.Retrieve(filter);
Write(Stringify(data));`,
  ),
  js(
    'try/catch with Platform.Response',
    `<script runat="server">
Platform.Load("Core", "1");
try {
  var email = Platform.Request.GetQueryStringParameter("email");
  if (!email) {
    throw "missing email";
  }
  Platform.Function.UpsertData("Signups", ["Email"], [email], ["Updated"], [Platform.Function.Now()]);
  Platform.Response.Redirect("https://example.com/thanks");
} catch (e) {
  Write("Error: " + Stringify(e));
}
</script>`,
  ),
  js(
    'WSProxy retrieve',
    `<script runat="server">
Platform.Load("Core", "1.1.1");
var api = new Script.Util.WSProxy();
var cols = ["Name", "CustomerKey"];
var filter = { Property: "Name", SimpleOperator: "like", Value: "Newsletter" };
var result = api.retrieve("DataExtension", cols, filter);
for (var i = 0; i < result.Results.length; i++) {
  Write(result.Results[i].Name + "\\n");
}
</script>`,
  ),
  js(
    'HTTP GET with ParseJSON',
    `Platform.Load("Core", "1.1.1");
var url = "https://api.example.com/offers?id=" + Platform.Variable.GetValue("@id");
var response = HTTP.Get(url);
if (response.StatusCode == 200) {
  var offers = Platform.Function.ParseJSON(response.Content);
  Variable.SetValue("@offerCount", offers.length);
}`,
  ),
  js(
    'constructor function and prototype',
    `function Cart(owner) {
  this.owner = owner;
  this.items = [];
}
Cart.prototype.add = function (sku, qty) {
  this.items.push({ sku: sku, qty: qty || 1 });
  return this;
};
var c = new Cart("abc");
c.add("SKU-1").add("SKU-2", 3);
Write(c.items.length);`,
  ),
  js(
    'switch, ternary, while',
    `var status = Platform.Request.GetFormField("status");
var label;
switch (status) {
  case "A": label = "Active"; break;
  case "H": label = "Held"; break;
  default: label = "Unknown";
}
var n = 0;
while (n < 3) { n++; }
Write(n > 2 ? label : "none");`,
  ),
  js(
    'for-in over an object',
    `var prefs = { news: true, offers: false };
var on = [];
for (var key in prefs) {
  if (prefs.hasOwnProperty(key) && prefs[key]) on.push(key);
}
Write(on.join(","));`,
  ),
  js(
    'subscriber upsert in a script activity',
    `<script runat="server">
Platform.Load("Core", "1.1.1");
var sub = Subscriber.Init("abc-123");
var status = sub.Upsert({ EmailAddress: "a@example.com", Attributes: { FirstName: "Ana" } });
Platform.Function.InsertDE("Upsert_Log", ["Key", "Status"], ["abc-123", status]);
</script>`,
  ),
  js(
    'Platform.Function date helpers',
    `var now = Platform.Function.Now();
var local = Platform.Function.SystemDateToLocalDate(now);
Write(Platform.Function.GUID() + " " + local);`,
  ),
  js(
    'regexp and string work',
    `var email = "Ana.Smith@Example.com";
var clean = email.toLowerCase().replace(/\\s+/g, "");
var ok = /^[^@]+@[^@]+\\.[a-z]{2,}$/.test(clean);
Write(ok ? clean : "invalid");`,
  ),
  js(
    'two server script blocks, Core loaded in the first',
    `<script runat="server">
Platform.Load("Core", "1.1.1");
</script>
<p>Report</p>
<script runat="server">
var de = DataExtension.Init("Report");
Write(de.Rows.Retrieve().length);
</script>`,
  ),
];

export const SSJS_BROKEN: CorpusSnippet[] = [
  js('let', `var a = 1;\nlet b = 2;`, { line: 2, rule: 'no-let-const' }),
  js('const', `<script runat="server">\nconst key = "abc";\nWrite(key);\n</script>`, { line: 2, rule: 'no-let-const' }),
  js(
    'arrow function in a callback',
    `var rows = Platform.Function.LookupRows("Orders", "Status", "open");
var ids = [];
var add = (r) => ids.push(r.OrderID);`,
    { line: 3, rule: 'no-arrow-function' },
  ),
  js('template literal', `var name = "Ana";\nWrite(\`Hello \${name}\`);`, { line: 2, rule: 'no-template-literal' }),
  js(
    'class',
    `Platform.Load("Core", "1.1.1");
class Logger {
  log(m) { Write(m); }
}`,
    { line: 2, rule: 'no-class' },
  ),
  js('spread into a call', `var parts = ["a", "b"];\nvar all = [].concat(...parts);`, {
    line: 2,
    rule: 'no-spread-rest',
  }),
  js('object destructuring', `var row = { a: 1, b: 2 };\nvar { a, b } = row;`, { line: 2, rule: 'no-destructuring' }),
  js('default parameter', `function greet(name = "friend") {\n  return "Hi " + name;\n}`, {
    line: 1,
    rule: 'no-default-params',
  }),
  js(
    'for...of loop',
    `var rows = Platform.Function.LookupRows("Orders", "Status", "open");
for (var row of rows) {
  Write(row.OrderID);
}`,
    { line: 2, rule: 'no-for-of' },
  ),
  js('async function', `async function load() {\n  return 1;\n}`, { line: 1, rule: 'no-async-await' }),
  js('shorthand property', `var email = "a@example.com";\nvar payload = { email };`, { line: 2, rule: 'no-shorthand' }),
  js('optional chaining', `var resp = HTTP.Get("https://x.example");\nvar code = resp?.StatusCode;`, {
    line: 2,
    rule: 'no-optional-chaining',
  }),
  js('nullish coalescing', `var v = Platform.Request.GetQueryStringParameter("v");\nvar w = v ?? "default";`, {
    line: 2,
    rule: 'no-nullish',
  }),
  js('unknown Platform.Function', `var rows = Platform.Function.LookupRow("Orders", "Status", "open");`, {
    line: 1,
    rule: 'unknown-platform-function',
  }),
  js(
    'Platform.Function.Lookup with three arguments',
    `var name = Platform.Function.Lookup("Customers", "FirstName", "SubscriberKey");`,
    { line: 1, rule: 'argument-count' },
  ),
  js(
    'JSON.parse instead of ParseJSON',
    `var resp = Platform.Function.HTTPGet("https://api.example.com/offers");
var offers = JSON.parse(resp);`,
    { line: 2, rule: 'es5-api' },
  ),
  js('syntax error: missing brace', `if (a == 1) {\n  Write("x");\n`, { line: 3, rule: 'syntax' }),
  js(
    'Core object without Platform.Load',
    `<script runat="server">
var de = DataExtension.Init("Signups");
de.Rows.Add({ Email: "a@example.com" });
</script>`,
    { line: 2, rule: 'core-not-loaded' },
  ),
];
