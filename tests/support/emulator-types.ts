/** Shapes of the stand-in's control API (emulator/control.ts) as the tests read them. */
export interface ReceivedCall {
  id: string;
  clientEvents: { type: string; [k: string]: unknown }[];
  mic: { receivedMs: number; rmsWhileLive: number; peak: number; commits: { durationMs: number; rms: number }[] };
  closed: boolean;
}
export interface Received {
  calls: ReceivedCall[];
  keysMinted: number;
  keysUsed: number;
}
