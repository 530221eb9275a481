import { expect, it, vi } from 'vitest';
import { isEspeakMissing, synthesize } from './speech.ts';

it('falls back to a synthesized voice with one warning when espeak-ng is missing', async () => {
  process.env.EMULATOR_ESPEAK = '/nonexistent/espeak-ng';
  const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const a = await synthesize('First reply without espeak.');
  const b = await synthesize('Second reply without espeak, a little longer.');
  const warnings = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('espeak-ng unavailable'));
  warn.mockRestore();
  delete process.env.EMULATOR_ESPEAK;
  expect(warnings).toHaveLength(1);
  expect(isEspeakMissing()).toBe(true);
  expect(a.length / 48_000).toBeGreaterThan(1);
  expect(b.length).toBeGreaterThan(a.length);
});
