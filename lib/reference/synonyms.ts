/**
 * Learner phrasing → the pack's vocabulary. Each rule adds terms to a query when its pattern matches ("killed" adds
 * timeout, "url parameter" adds RequestParameter/QueryParameter, "dedupe" adds ROW_NUMBER); `dataViewHint` maps
 * "table with bounces" / "where are opens stored" to the data view's name. Adding terms never removes the user's own.
 */

interface Rule {
  when: RegExp;
  add: string;
}

const RULES: Rule[] = [
  {
    when: /\b(kill(ed|s)?|tim(e|es|ed|ing) ?out|took too long|takes? (too )?long|how long(?!.*\b(keep|kept|retain|retained|retention|store|stored|history)\b)|run(s|ning)? (for )?too long|max(imum)? (run ?time|duration|time)|time ?limit|runs? forever)\b/,
    add: 'timeout 30 minutes',
  },
  {
    when: /\bhow long\b.*\b(keep|kept|retain|retained|stored|history)\b|\bhow far back\b|\bretention\b/,
    add: 'retention six months',
  },
  {
    when: /\b(url|link|query ?string|querystring|get) param(eter)?s?\b|\bquery ?string\b|\bparam(eter)?s? (from|in|on) (the |a )?(url|link|address)\b/,
    add: 'url parameter RequestParameter QueryParameter GetQueryStringParameter',
  },
  {
    when: /\bde-?dup(e|ed|es|ing|licate[sd]?|lication)?\b|\bduplicates?\b|\bdupes?\b/,
    add: 'dedupe duplicates row_number partition',
  },
  {
    when: /\bre-?ent(er|ers|ered|ering|ry|ries)\b|\benter (again|twice|more than once|multiple times)\b|\bcome back into\b/,
    add: 'reentry re-entry contact entry mode',
  },
  {
    when: /\b(declare|variables?)\b.*\b(sql|query)\b|\b(sql|query)\b.*\b(declare|variables?)\b/,
    add: 'declare variable',
  },
  {
    when: /\b(current|today'?s?) (date|time|datetime)\b|\bright now\b|\btimestamp\b|\btoday\b/,
    add: 'now getdate current date',
  },
  {
    when: /\b(parse|read|convert|turn|load)\b.*\bjson\b|\bjson\b.*\b(parse|string|object)\b/,
    add: 'json parsejson stringify',
  },
  {
    when: /\b(return|serve|output|respond with)\b.*\bjson\b|\bjson (endpoint|api)\b/,
    add: 'code resource json endpoint',
  },
  {
    when: /\b(let|const|es6|es2015|arrow functions?|template (literals?|strings?)|modern (javascript|js|syntax))\b|=>/,
    add: 'es3 let const arrow',
  },
  { when: /\bunsub(scribe[sd]?|s)?\b|\bopt(ed)?[ -]?outs?\b/, add: 'unsubscribe' },
  { when: /\bspam\b|\bcomplain(t|ts|ed)?\b/, add: 'complaint' },
  { when: /\ba\/?b test(s|ing)?\b|\bsplit test\b|\bholdout\b|\bcontrol group\b/, add: 'random split ab test' },
  {
    when: /\bconcatenat(e|es|ed|ing|ion)\b|\bjoin (two |the )?strings\b|\bcombine (two |the )?strings\b/,
    add: 'concat',
  },
  {
    when: /\b(get|read|fetch|pull|retrieve|look ?up)\b.*\b(value|field|column)\b.*\bdata ?extensions?\b/,
    add: 'lookup',
  },
  { when: /\bloops?\b|\biterat(e|ing)\b/, add: 'loop for' },
  {
    when: /\b(call|hit|fetch|request)\b.*\b(api|endpoint|web ?service|url)\b|\bhttp\b|\brest call\b/,
    add: 'http httprequest httpget api',
  },
  { when: /\blimit\b.*\brows?\b|\bfirst \d+ rows?\b|\bonly \d+ rows?\b|\bsql limit\b/, add: 'top limit' },
  {
    when: /\bexclud(e|ing)\b|\bsuppress(ion)?\b|\bnot in\b|\bwho (has|have|did) not\b|\bwithout\b/,
    add: 'exclusion exclude suppression',
  },
  { when: /\bspaces? in\b|\bbrackets?\b|\bhyphens?\b/, add: 'brackets spaces' },
  { when: /\btime ?zones?\b|\bcst\b|\butc\b|\bdaylight\b/, add: 'time zone cst' },
  { when: /\bvalid(ate|ation)?\b.*\bemail\b|\bemail\b.*\bvalid(ate|ation)?\b/, add: 'validate email IsEmailAddress' },
  { when: /\bsort(ed|ing)?\b|\border by\b/, add: 'order by' },
  {
    when: /\b(update|delete|insert|change|modify|remove)\b.*\b(sql|query)\b|\b(sql|query)\b.*\b(update|delete|insert)\b/,
    add: 'no dml data action',
  },
  { when: /\btemp(orary)? tables?\b|#temp\b/, add: 'temp table staging' },
  { when: /\b(stored procedure|exec|cursor)\b/, add: 'exec stored procedure' },
  { when: /\bkey\b.*\b(contact|subscriber)\b|\b(contact|subscriber)\b.*\bkey\b/, add: 'subscriber key contact key' },
  { when: /\bfrom (name|address)\b/, add: 'sender profile' },
  { when: /\bfooter\b|\bphysical address\b|\bip address\b/, add: 'delivery profile' },
  {
    when: /\bmarketing (email|message)s?\b.*\bunsubscribed?\b|\breceipts?\b|\bpassword reset\b/,
    add: 'send classification transactional commercial',
  },
  { when: /\b(debug|see the error|error message|500)\b/, add: 'try catch debug error' },
  { when: /\bcron\b|\bevery (hour|day|week|morning|night)\b|\brecurring\b|\bscheduled?\b/, add: 'schedule' },
  { when: /\b(file|csv) (arrives|lands|uploaded|drops?)\b|\bwhen a file\b|\bsftp\b|\bftp\b/, add: 'file drop' },
  { when: /\bbranch(es|ing)?\b|\bpaths?\b.*\b(journey|contacts)\b/, add: 'split decision' },
  { when: /\b(in order|in sequence|one after (another|the other)|chain(ed)?|steps?)\b/, add: 'automation steps' },
  { when: /\bdelay\b|\bwait(s|ing)?\b|\bpause between\b/, add: 'wait' },
  {
    when: /\bkick(ed)? out\b|\bremove[sd]? (a |the )?contacts?\b|\bleave (the )?journey\b|\bstop (a |the )?contacts?\b/,
    add: 'exit criteria',
  },
  {
    when: /\bedit(ing)? (an? |the )?(active|running|live)\b|\bchange (an? |the )?(active|running|live)\b/,
    add: 'version',
  },
  {
    when: /\bnot (entering|admitted|getting in)\b|\bnobody (entered|enters)\b|\bno one (entered|enters)\b/,
    add: 'not entering contacts journey',
  },
  { when: /\bform\b.*\b(without (code|coding|scripting)|no[- ]code|drag and drop)\b/, add: 'smart capture form' },
  {
    when: /\b(get|got|gets|put|added) (in|into|to) (a |the |my )?journey\b|\bjourney entr(y|ies)\b/,
    add: 'entry source enter journey',
  },
  {
    when: /\b(opened|clicked)\b.*\b(did not|didn't|not|no)\b|\bdid not (open|click)\b.*\bjourney\b/,
    add: 'engagement split opened clicked',
  },
  {
    when: /\bemail (from|in|on) (a |my )?(cloudpage|script|form)\b|\bsend (an |a )?(email|message) (from|when)\b/,
    add: 'triggeredsend triggered send',
  },
];

/** Data view base words → the view's SQL name (`bounce` → `_Bounce`). Used when the query asks for a table/view. */
const DATA_VIEW_WORDS: [RegExp, string][] = [
  [/\bbounc(e|es|ed|ing)\b/, '_Bounce'],
  [/\bopen(s|ed|ers)?\b/, '_Open'],
  [/\bclick(s|ed|ers)?\b/, '_Click'],
  [/\bsen(t|ds)\b/, '_Sent'],
  [/\bunsub(scribe[sd]?|s)?\b|\bopt(ed)?[ -]?outs?\b/, '_Unsubscribe'],
  [/\bcomplaints?\b|\bspam\b/, '_Complaint'],
  [/\bforward(s|ed)?\b/, '_FTAF'],
  [/\bjobs?\b|\bsubject lines?\b|\bemail names?\b/, '_Job'],
  [/\bsubscribers?\b|\bstatus(es)?\b/, '_Subscribers'],
  [/\bjourneys?\b/, '_Journey'],
  [/\bsms\b|\btext messages?\b/, '_SMSMessageTracking'],
  [/\bpush\b|\bdevices?\b/, '_PushAddress'],
  [/\bsurveys?\b/, '_SurveyResponse'],
  [/\bcoupons?\b/, '_Coupon'],
  [/\bautomation (runs?|history|failures?)\b/, '_AutomationInstance'],
];

const ASKS_FOR_TABLE =
  /\b(table|tables|data ?views?|views?|system data|tracking data|where (are|is|do)\b.*\b(stored|tracked|kept|logged|recorded)|which (table|view)|query (the |my )?\w+ (data|history)|history of)\b/;

/** Names of data views the query seems to ask for ("table with bounces" → `_Bounce`). */
export function dataViewHint(query: string): string[] {
  const q = query.toLowerCase();
  if (!ASKS_FOR_TABLE.test(q)) return [];
  return DATA_VIEW_WORDS.filter(([re]) => re.test(q)).map(([, name]) => name);
}

/** The query plus the vocabulary its phrasing implies. */
export function expandQuery(query: string): string {
  const q = query.toLowerCase();
  const extra: string[] = [];
  for (const rule of RULES) if (rule.when.test(q)) extra.push(rule.add);
  extra.push(...dataViewHint(query));
  return extra.length ? `${query} ${extra.join(' ')}` : query;
}
