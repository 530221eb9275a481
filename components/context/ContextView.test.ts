// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ContextView from './ContextView.vue';

describe('ContextView', () => {
  it('shows exactly the text sent and lets the user turn sharing off', async () => {
    const w = mount(ContextView, { props: { text: '[Journey Builder] Journey Settings', sharing: true } });
    expect(w.get('[data-testid="context-sent"]').text()).toBe('[Journey Builder] Journey Settings');
    const box = w.get<HTMLInputElement>('[data-testid="share-context"]');
    expect(box.element.disabled).toBe(false);
    box.element.checked = false;
    await box.trigger('change');
    expect(w.emitted('toggle')).toEqual([[false]]);
    expect(w.find('[data-testid="share-context-locked"]').exists()).toBe(false);
  });

  it('when a policy sets sharing, the box is disabled and says who set it', () => {
    const w = mount(ContextView, { props: { text: '', sharing: false, locked: true } });
    expect(w.get<HTMLInputElement>('[data-testid="share-context"]').element.disabled).toBe(true);
    expect(w.get('[data-testid="share-context-locked"]').text()).toBe('Set by your organization');
    expect(w.find('[data-testid="context-sent"]').exists()).toBe(false);
  });
});
