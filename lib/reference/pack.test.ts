/**
 * The whole pack against its schema: every entry valid, ids unique, official sources, function facts consistent,
 * and the examples the pack promises actually present.
 */
import { describe, expect, it } from 'vitest';
import { entrySchema } from './schema.ts';
import { ALL_ENTRIES, PACK_VERSION } from './pack/index.ts';
import { SSJS_ENTRIES } from './pack/ssjs.ts';
import { SQL_ENTRIES } from './pack/sql.ts';
import { CONCEPT_ENTRIES } from './pack/concepts.ts';
import { ERROR_ENTRIES } from './pack/errors.ts';

/** Kinds where every entry must carry an example. */
const EXAMPLE_KINDS = new Set(['ampscript-function', 'sql-pattern', 'data-view']);
/** Individual entries outside those kinds that promise an example (the calls learners copy most). */
const EXAMPLE_IDS = [
  'ssjs.fn.lookup',
  'ssjs.fn.lookuprows',
  'ssjs.fn.lookuporderedrows',
  'ssjs.fn.insertdata',
  'ssjs.fn.updatedata',
  'ssjs.fn.upsertdata',
  'ssjs.fn.deletedata',
  'ssjs.fn.httpget',
  'ssjs.fn.httppost',
  'ssjs.fn.parsejson',
  'ssjs.fn.raiseerror',
  'ssjs.platform-load',
  'ssjs.wsproxy',
  'ssjs.httprequest',
  'ssjs.request',
  'ssjs.variable',
  'ssjs.obj.triggeredsend',
  'ssjs.lang.try-catch',
  'sql.no-limit',
  'sql.brackets',
  'sql.dateadd',
  'sql.convert-timezone',
];

describe('reference pack', () => {
  it('has a version and every part wired into ALL_ENTRIES', () => {
    expect(PACK_VERSION).toBeGreaterThanOrEqual(1);
    const ids = new Set(ALL_ENTRIES.map((e) => e.id));
    for (const part of [SSJS_ENTRIES, SQL_ENTRIES, CONCEPT_ENTRIES, ERROR_ENTRIES]) {
      expect(part.length).toBeGreaterThan(0);
      for (const e of part) expect(ids.has(e.id), e.id).toBe(true);
    }
  });

  it('every entry matches the schema', () => {
    const failures = ALL_ENTRIES.flatMap((e) => {
      const r = entrySchema.safeParse(e);
      return r.success ? [] : [`${e.id}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('ids are unique', () => {
    const seen = new Map<string, number>();
    for (const e of ALL_ENTRIES) seen.set(e.id, (seen.get(e.id) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
  });

  it('links only to official Salesforce documentation', () => {
    const bad = ALL_ENTRIES.filter((e) => !/^https:\/\/(help|developer)\.salesforce\.com\//.test(e.source));
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('covers every kind the lookup promises', () => {
    const kinds = new Set(ALL_ENTRIES.map((e) => e.kind));
    for (const k of [
      'ssjs-function',
      'ssjs-object',
      'ssjs-language',
      'sql-rule',
      'sql-pattern',
      'data-view',
      'concept',
      'error',
    ]) {
      expect(kinds.has(k as never), k).toBe(true);
    }
  });

  it('function entries carry consistent argument facts', () => {
    const fnKinds = ALL_ENTRIES.filter((e) => e.kind === 'ssjs-function' || e.kind === 'ampscript-function');
    expect(fnKinds.length).toBeGreaterThan(0);
    for (const e of fnKinds) {
      const f = e.function;
      expect(f, e.id).toBeDefined();
      if (!f) continue;
      if (f.maxArgs !== null) {
        expect(f.minArgs, e.id).toBeLessThanOrEqual(f.maxArgs);
        expect(f.params.filter((p) => !p.optional).length, e.id).toBeLessThanOrEqual(f.maxArgs);
      }
    }
    // Ours (SSJS) are built from the parameter list, so the counts must equal it exactly.
    for (const e of SSJS_ENTRIES.filter((x) => x.kind === 'ssjs-function')) {
      const f = e.function!;
      expect(f.minArgs, e.id).toBe(f.params.filter((p) => !p.optional).length);
      expect(f.maxArgs, e.id).toBe(f.params.length);
      expect(e.title, e.id).toBe(`Platform.Function.${f.name}`);
    }
  });

  it('has the core SSJS Platform functions and objects', () => {
    const names = new Set(SSJS_ENTRIES.flatMap((e) => (e.function ? [e.function.name] : [])));
    for (const n of [
      'Lookup',
      'LookupRows',
      'LookupOrderedRows',
      'InsertData',
      'UpdateData',
      'UpsertData',
      'DeleteData',
      'HTTPGet',
      'HTTPPost',
      'ParseJSON',
      'Stringify',
      'RaiseError',
      'GUID',
      'Now',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    const ids = new Set(SSJS_ENTRIES.map((e) => e.id));
    for (const id of [
      'ssjs.platform-load',
      'ssjs.wsproxy',
      'ssjs.obj.dataextension',
      'ssjs.obj.dataextension-rows',
      'ssjs.obj.subscriber',
      'ssjs.obj.triggeredsend',
      'ssjs.request',
      'ssjs.response',
      'ssjs.variable',
      'ssjs.lang.es3',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('data views name their main columns', () => {
    const views = SQL_ENTRIES.filter((e) => e.kind === 'data-view');
    const titles = views.map((e) => e.title);
    for (const v of [
      '_Sent',
      '_Open',
      '_Click',
      '_Bounce',
      '_Unsubscribe',
      '_Complaint',
      '_FTAF',
      '_Job',
      '_Subscribers',
      '_ListSubscribers',
      '_Journey',
      '_JourneyActivity',
      '_BusinessUnitUnsubscribes',
      '_SMSMessageTracking',
      '_SMSSubscriptionLog',
      '_UndeliverableSms',
      '_MobileAddress',
      '_MobileSubscription',
      '_PushAddress',
      '_PushTag',
      '_SurveyResponse',
      '_Coupon',
      '_EnterpriseAttribute',
    ]) {
      expect(titles, v).toContain(v);
    }
    for (const e of views) {
      expect(e.columns?.length ?? 0, e.id).toBeGreaterThanOrEqual(2);
      expect(e.id).toBe(`dataview.${e.title.toLowerCase()}`);
    }
    const open = views.find((e) => e.title === '_Open')!;
    expect(open.columns).toEqual(expect.arrayContaining(['JobID', 'SubscriberKey', 'EventDate', 'IsUnique']));
  });

  it('states the query timeout as 30 minutes', () => {
    const timeout = ALL_ENTRIES.find((e) => e.id === 'sql.timeout');
    expect(timeout?.text).toContain('30 minutes');
  });

  it('every promised example is present', () => {
    const missing = ALL_ENTRIES.filter((e) => EXAMPLE_KINDS.has(e.kind) && !e.example?.trim()).map((e) => e.id);
    for (const id of EXAMPLE_IDS) {
      const e = ALL_ENTRIES.find((x) => x.id === id);
      if (!e?.example?.trim()) missing.push(id);
    }
    expect(missing).toEqual([]);
  });

  it('SSJS examples stay within the ES3-era syntax the engine accepts', () => {
    const modern = /\b(let|const|class)\s|=>|`/;
    const bad = SSJS_ENTRIES.filter((e) => e.example && e.kind !== 'ssjs-language' && modern.test(e.example)).map(
      (e) => e.id,
    );
    expect(bad).toEqual([]);
  });
});
