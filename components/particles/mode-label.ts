/** The words for what the voice is doing (idle, listening, thinking, speaking), in the browser's language. */
import { i18n } from '#i18n';
import type { VoiceMode } from '@/lib/voice/types';

const LABELS: Record<VoiceMode, () => string> = {
  idle: () => i18n.t('meter.idle'),
  listening: () => i18n.t('meter.listening'),
  thinking: () => i18n.t('meter.thinking'),
  speaking: () => i18n.t('meter.speaking'),
};

export function modeLabel(mode: VoiceMode): string {
  return LABELS[mode]();
}
