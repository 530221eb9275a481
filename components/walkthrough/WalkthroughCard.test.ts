// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { reduceWalkthrough, type Walkthrough, type WalkthroughAction } from '@/lib/walkthrough/state';
import WalkthroughCard from './WalkthroughCard.vue';

const start = reduceWalkthrough(null, {
  type: 'start',
  id: 'wt_1',
  title: 'Make the journey re-entry safe',
  at: 0,
  steps: [
    { instruction: 'Open Journey Settings', label: 'Journey Settings', role: 'button' },
    { instruction: 'Choose a re-entry option', label: 'Re-entry only after exiting' },
    { instruction: 'Close the settings', label: 'Done' },
    { instruction: 'Save the journey', label: 'Save' },
    { instruction: 'Validate it', label: 'Validate' },
  ],
})!;
const at = (...actions: WalkthroughAction[]) => actions.reduce<Walkthrough | null>(reduceWalkthrough, start)!;
const card = (w: Walkthrough) => mount(WalkthroughCard, { props: { walkthrough: w } });

describe('WalkthroughCard', () => {
  it('shows the title, the steps with the current one marked, and "Step 2 of 5" in a polite live region', () => {
    const w = card(at({ type: 'complete', step: 0, how: 'click' }));
    expect(w.find('h2').text()).toBe('Make the journey re-entry safe');
    const progress = w.find('[data-testid="walkthrough-progress"]');
    expect(progress.text()).toBe('Step 2 of 5');
    expect(progress.attributes('aria-live')).toBe('polite');
    const steps = w.findAll('[data-testid="walkthrough-step"]');
    expect(steps).toHaveLength(5);
    expect(w.find('ol').exists()).toBe(true);
    expect(steps.map((s) => s.attributes('aria-current'))).toEqual([
      undefined,
      'step',
      undefined,
      undefined,
      undefined,
    ]);
    expect(steps.map((s) => s.attributes('data-state'))).toEqual(['done', 'pending', 'pending', 'pending', 'pending']);
    expect(steps[1]!.text()).toContain('Choose a re-entry option');
    expect(steps[1]!.text()).toContain('(current)');
    expect(steps[0]!.text()).toContain('(done)');
  });

  it('Back / Skip / Stop emit, with accessible labels; Back is disabled on the first step', async () => {
    const first = card(start);
    expect(first.find('[data-testid="walkthrough-back"]').attributes('disabled')).toBeDefined();
    const w = card(at({ type: 'skip' }));
    const back = w.find('[data-testid="walkthrough-back"]');
    expect(back.attributes('disabled')).toBeUndefined();
    expect(back.attributes('aria-label')).toBe('Back to the previous step');
    expect(w.find('[data-testid="walkthrough-skip"]').attributes('aria-label')).toBe('Skip this step');
    expect(w.find('[data-testid="walkthrough-stop"]').attributes('aria-label')).toBe('Stop the walkthrough');
    await back.trigger('click');
    await w.find('[data-testid="walkthrough-skip"]').trigger('click');
    await w.find('[data-testid="walkthrough-stop"]').trigger('click');
    expect(Object.keys(w.emitted()).filter((k) => ['back', 'skip', 'stop', 'resume', 'dismiss'].includes(k))).toEqual([
      'back',
      'skip',
      'stop',
    ]);
    expect(w.find('[data-testid="walkthrough-resume"]').exists()).toBe(false);
  });

  it('says it cannot find the target on this screen, with the closest candidates', () => {
    const w = card(at({ type: 'skip' }, { type: 'targetMissing', candidates: ['Re-entry anytime', 'Exit criteria'] }));
    const missing = w.find('[data-testid="walkthrough-missing"]');
    expect(missing.text()).toContain("Can't find “Re-entry only after exiting” on this screen.");
    expect(missing.attributes('role')).toBe('status');
    expect(w.findAll('[data-testid="walkthrough-candidate"]').map((c) => c.text())).toEqual([
      '“Re-entry anytime”',
      ', “Exit criteria”',
    ]);
    const found = card(at({ type: 'skip' }, { type: 'targetMissing', candidates: ['x'] }, { type: 'targetFound' }));
    expect(found.find('[data-testid="walkthrough-missing"]').exists()).toBe(false);
  });

  it('stopped: progress says where, Resume and Close emit, nothing is current', async () => {
    const w = card(at({ type: 'skip' }, { type: 'stop' }));
    expect(w.find('[data-testid="walkthrough-progress"]').text()).toBe('Stopped at step 2 of 5');
    expect(w.find('[aria-current]').exists()).toBe(false);
    expect(w.find('[data-testid="walkthrough-skip"]').exists()).toBe(false);
    await w.find('[data-testid="walkthrough-resume"]').trigger('click');
    await w.find('[data-testid="walkthrough-dismiss"]').trigger('click');
    expect(w.emitted('resume')).toHaveLength(1);
    expect(w.emitted('dismiss')).toHaveLength(1);
  });

  it('done: all steps marked, complete message, only Close', () => {
    const w = card(
      at(
        { type: 'complete', step: 0, how: 'click' },
        { type: 'skip' },
        { type: 'skip' },
        { type: 'skip' },
        { type: 'complete', step: 4, how: 'screen' },
      ),
    );
    expect(w.attributes('data-status')).toBe('done');
    expect(w.find('[data-testid="walkthrough-progress"]').text()).toBe('Done: all 5 steps');
    expect(w.find('[data-testid="walkthrough-complete"]').exists()).toBe(true);
    expect(w.findAll('[data-testid="walkthrough-step"]').map((s) => s.attributes('data-state'))).toEqual([
      'done',
      'skipped',
      'skipped',
      'skipped',
      'done',
    ]);
    expect(w.findAll('button').map((b) => b.text())).toEqual(['Close']);
  });

  it('follows prop updates (the panel mirrors the saved state)', async () => {
    const w = card(start);
    await w.setProps({
      walkthrough: at({ type: 'complete', step: 0, how: 'click' }, { type: 'complete', step: 1, how: 'click' }),
    });
    expect(w.find('[data-testid="walkthrough-progress"]').text()).toBe('Step 3 of 5');
    expect(w.find('[aria-current="step"]').text()).toContain('Close the settings');
  });
});
