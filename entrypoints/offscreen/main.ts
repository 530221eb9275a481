// Offscreen document: owns mic, AudioContext, WebRTC and playback (docs/extension-platform.md#offscreen-document). Thin shell.
import { listen, type OffscreenProtocol } from '@/lib/messaging/protocol';
import { browserEngineDeps } from '@/lib/voice/browser-deps';
import { acceptCommand } from '@/lib/voice/command-source';
import { createVoiceEngine } from '@/lib/voice/engine';
import { createOffscreenIO } from '@/lib/voice/offscreen-io';

const engine = createVoiceEngine(createOffscreenIO(), browserEngineDeps);
listen<OffscreenProtocol>('offscreen', {
  'engine/command': (cmd, sender) =>
    engine.command(acceptCommand(cmd, sender.url === browser.runtime.getURL('/background.js'))),
  'engine/snapshot': () => engine.snapshot(),
  'engine/page-context': (ctx) => engine.onPageContext(ctx),
  'engine/walkthrough-item': ({ text }) => engine.onWalkthroughItem(text),
});
void engine.restore();
void engine.prewarm();
// Read-only view for e2e tests (chrome.extension.getViews() from another extension page): test build only.
if (import.meta.env.WXT_TEST_HOOKS === '1')
  Object.assign(globalThis, {
    __engine: { snapshot: engine.snapshot, levels: engine.levels, gateOpenedAt: engine.gateOpenedAt },
  });
