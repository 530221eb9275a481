/**
 * Settings ride on a connect only from the service worker, which read them itself (lib/background/router.ts). Any
 * other extension page that sends a connect gets the engine's own read: no page can point a session at another token
 * service by putting settings into a command.
 */
import type { DeliveredCommand } from './types';

export function acceptCommand(cmd: DeliveredCommand, fromWorker: boolean): DeliveredCommand {
  return cmd.type === 'connect' && !fromWorker ? { type: 'connect' } : cmd;
}
