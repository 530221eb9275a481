import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FeatureFrame } from '@/worklets/protocol';
import { FEATURE_CHANNEL, openChannel, PANEL_CHANNEL, type Channel, type PanelMessage } from './channels';

const isPanel = (d: unknown): d is PanelMessage =>
  typeof d === 'object' && d !== null && (d as PanelMessage).type === 'panel-alive';

describe('openChannel', () => {
  it('delivers what one side posts to the other, and drops what the guard refuses', async () => {
    const ear = openChannel(PANEL_CHANNEL, isPanel);
    const mouth = openChannel(PANEL_CHANNEL);
    const heard: PanelMessage[] = [];
    ear.listen((m) => heard.push(m));
    (mouth as Channel<unknown>).post({ type: 'not-a-panel' });
    mouth.post({ type: 'panel-alive', id: 'p1' });
    await expect.poll(() => heard).toEqual([{ type: 'panel-alive', id: 'p1' }]);
    ear.close();
    mouth.close();
  });

  it('types each channel by its name', () => {
    expectTypeOf(openChannel(FEATURE_CHANNEL)).toEqualTypeOf<Channel<FeatureFrame>>();
    expectTypeOf(openChannel(PANEL_CHANNEL)).toEqualTypeOf<Channel<PanelMessage>>();
  });
});
