/**
 * Region scanning: which parts of a document are AMPscript or SSJS, and delimiter findings.
 */
import { describe, expect, it } from 'vitest';
import { hasServerScript, isBareAmpscript, scanDocument } from './regions.ts';

const kinds = (text: string) =>
  scanDocument(text).regions.map((r) => `${r.kind}:${JSON.stringify(text.slice(r.start, r.end))}`);

describe('scanDocument', () => {
  it('finds blocks, inline expressions and server scripts in order; skips personalization strings', () => {
    const doc =
      '%%FirstName%% %%[ SET @a = 1 ]%%<b>%%=v(@a)=%%</b><script runat="server">var x;</script>' +
      '<script runat=server language=ampscript>SET @b = 2</script>';
    expect(kinds(doc)).toEqual([
      'amp-block:" SET @a = 1 "',
      'amp-inline:"v(@a)"',
      'ssjs:"var x;"',
      'amp-script:"SET @b = 2"',
    ]);
    expect(scanDocument(doc).findings).toEqual([]);
  });
  it('keeps scanning inside client-side scripts (AMPscript runs there too)', () => {
    expect(kinds('<script>var n = "%%=v(@n)=%%";</script>')).toEqual(['amp-inline:"v(@n)"']);
  });
  it('a ]%% inside a quoted string does not end the block', () => {
    expect(kinds('%%[ SET @a = "]%%" ]%%')).toEqual(['amp-block:" SET @a = \\"]%%\\" "']);
  });
  it('URLs with =%% and percent signs are not delimiters', () => {
    const r = scanDocument('<a href="https://x.example/?id=%%SubscriberKey%%&p=50%">x</a>');
    expect(r).toEqual({ regions: [], findings: [] });
  });
  it('reports an unclosed block at its opener and a stray ]%%', () => {
    const r = scanDocument('a ]%% b %%[ SET @a = 1');
    expect(r.findings.map((f) => `${f.offset} ${f.rule}`)).toEqual(['2 unopened-block', '8 unclosed-block']);
  });
});

describe('language sniffing', () => {
  it('bare AMPscript has no delimiters and no tags', () => {
    expect(isBareAmpscript('SET @a = 1')).toBe(true);
    expect(isBareAmpscript('%%[ SET @a = 1 ]%%')).toBe(false);
    expect(isBareAmpscript('<script runat="server" language="ampscript">SET @a = 1</script>')).toBe(false);
  });
  it('server script tags', () => {
    expect(hasServerScript('<script runat="server">x</script>')).toBe(true);
    expect(hasServerScript("<SCRIPT RUNAT='Server'>x</SCRIPT>")).toBe(true);
    expect(hasServerScript('<script>x</script>')).toBe(false);
  });
});
