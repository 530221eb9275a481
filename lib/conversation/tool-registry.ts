/**
 * The function-calling round trip (docs/realtime-protocol.md#function-calls): a registry that runs handlers with a timeout and
 * never rejects, the `function_call_output` + `response.create` events, and the calls found in `response.done`.
 */
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';

export type ToolHandler = (args: Record<string, unknown>, signal: AbortSignal) => Promise<unknown> | unknown;
export interface ToolCall {
  name: string;
  call_id: string;
  arguments: string;
}
export interface ToolOutcome {
  ok: boolean;
  output: string /* JSON string sent as function_call_output */;
  summary: string; /* short, for the transcript */
}

const SUMMARY_MAX = 80;

function clip(text: string, max = SUMMARY_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function failure(error: string, summary: string, extra: Record<string, unknown> = {}): ToolOutcome {
  return { ok: false, output: JSON.stringify({ error, ...extra }), summary: clip(summary) };
}

function parseArgs(raw: string): Record<string, unknown> | undefined {
  if (raw.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function success(result: unknown): ToolOutcome {
  let output: string;
  try {
    output = JSON.stringify(result === undefined ? { ok: true } : result) ?? 'null';
  } catch (err) {
    return failure('tool_failed', 'Failed: result could not be sent', {
      message: err instanceof Error ? err.message : String(err),
    });
  }
  const summary =
    typeof result === 'object' && result !== null && typeof (result as { summary?: unknown }).summary === 'string'
      ? (result as { summary: string }).summary
      : 'Done';
  return { ok: true, output, summary: clip(summary) };
}

export function createToolRegistry(handlers: Record<string, ToolHandler>, opts: { timeoutMs?: number } = {}) {
  const timeoutMs = opts.timeoutMs ?? 8000;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(handlers, name);

  async function run(call: ToolCall): Promise<ToolOutcome> {
    if (!has(call.name)) {
      return failure('unknown_tool', `Unknown tool "${call.name}"`, {
        name: call.name,
        available: Object.keys(handlers),
      });
    }
    const args = parseArgs(typeof call.arguments === 'string' ? call.arguments : '');
    if (!args) return failure('invalid_arguments', 'Invalid arguments', { message: 'arguments must be a JSON object' });
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<ToolOutcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve(failure('timeout', `Timed out after ${Math.round(timeoutMs / 100) / 10} s`, { timeout_ms: timeoutMs }));
      }, timeoutMs);
    });
    const work = (async () => {
      try {
        return success(await handlers[call.name]!(args, controller.signal));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return failure('tool_failed', `Failed: ${message}`, { message });
      }
    })();
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  return { has, run };
}

export function toolOutputEvents(call: ToolCall, outcome: ToolOutcome): RealtimeClientEvent[] {
  return [
    {
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: call.call_id, output: outcome.output },
    },
    { type: 'response.create' },
  ];
}

export function collectFunctionCalls(event: RealtimeServerEvent): ToolCall[] {
  if (event.type !== 'response.done') return [];
  const calls: ToolCall[] = [];
  for (const item of event.response.output ?? []) {
    if (item.type !== 'function_call' || item.status !== 'completed' || !item.call_id) continue;
    if (calls.some((c) => c.call_id === item.call_id)) continue;
    calls.push({ name: item.name, call_id: item.call_id, arguments: item.arguments ?? '' });
  }
  return calls;
}
