import { describe, expect, it } from 'vitest';
import { buildClientSecretParams } from './config';
import { INSTRUCTIONS_TEMPLATE, languageName, renderInstructions } from './instructions';
import { INSTRUCTOR_TOOLS } from './tools';

describe('session config', () => {
  it('renders the language lock and the persona rules', () => {
    const text = renderInstructions('German');
    expect(text).toContain('Always answer in German, even if the user speaks another language');
    expect(text).not.toContain('{{');
    for (const must of ['read-only', 'highlight_element', 'show_snippet', 'get_page_context', 'SFMC page context:', 'AMPscript', 'Journey Builder', 'data views', 'Send classifications']) {
      expect(INSTRUCTIONS_TEMPLATE).toContain(must);
    }
  });

  it('knows language names and rejects unknown codes', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('ja')).toBe('Japanese');
    expect(languageName('xx')).toBeUndefined();
    expect(languageName('qq')).toBeUndefined();
  });

  it('declares the three tools with strict JSON Schemas', () => {
    const byName = Object.fromEntries(INSTRUCTOR_TOOLS.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(['highlight_element', 'show_snippet', 'get_page_context']);
    expect(byName.highlight_element?.parameters).toMatchObject({ type: 'object', required: ['label'] });
    expect(byName.show_snippet?.parameters).toMatchObject({
      required: ['language', 'title', 'code'],
      properties: { language: { enum: ['ampscript', 'sql', 'ssjs', 'html'] } },
    });
    expect(byName.get_page_context?.parameters).toMatchObject({ type: 'object', properties: {} });
    for (const t of INSTRUCTOR_TOOLS) expect(t.type).toBe('function');
  });

  it('builds push-to-talk and hands-free sessions', () => {
    const base = { voice: 'marin' as const, language: 'es', languageLabel: 'Spanish' };
    const ptt = buildClientSecretParams({ ...base, mode: 'push-to-talk' }, { model: 'm', ttlSeconds: 30 });
    const hf = buildClientSecretParams({ ...base, mode: 'hands-free' }, { model: 'm', ttlSeconds: 30 });
    const input = (p: typeof ptt) => (p.session as unknown as { audio: { input: Record<string, unknown> } }).audio.input;
    expect(input(ptt).turn_detection).toBeNull();
    expect(input(hf).turn_detection).toMatchObject({ type: 'semantic_vad' });
    expect(ptt.expires_after).toEqual({ anchor: 'created_at', seconds: 30 });
  });
});
