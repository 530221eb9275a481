/**
 * The instructor's function tools: the token service pins these schemas into every session, the extension runs a
 * handler for each name (lib/voice/tool-handlers.ts), and the stand-in calls them by name. Dependency-free on purpose.
 */

/** Every tool the instructor has, by name. */
export const TOOL_NAMES = [
  'highlight_element',
  'show_snippet',
  'get_page_context',
  'lookup_sfmc_reference',
  'start_walkthrough',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** A Realtime function tool as a session declares it (the GA `session.tools[]` shape). */
export interface FunctionTool<N extends ToolName = ToolName> {
  type: 'function';
  name: N;
  description: string;
  parameters: Record<string, unknown>;
}

export const highlightElement: FunctionTool<'highlight_element'> = {
  type: 'function',
  name: 'highlight_element',
  description:
    "Point at an element on the user's current SFMC screen by outlining it. Use it whenever you tell the user what to click or where to look.",
  parameters: {
    type: 'object',
    properties: {
      label: { type: 'string', description: 'The visible text or accessible name of the control.' },
      role: { type: 'string', description: 'The kind of control: "button", "link", "tab", "field", "menuitem", …' },
      note: { type: 'string', description: 'A short caption shown next to the outline.' },
    },
    required: ['label'],
    additionalProperties: false,
  },
};

export const showSnippet: FunctionTool<'show_snippet'> = {
  type: 'function',
  name: 'show_snippet',
  description:
    'Show a copyable code card in the side panel; use it for any code longer than one line instead of reading code aloud.',
  parameters: {
    type: 'object',
    properties: {
      language: { type: 'string', enum: ['ampscript', 'sql', 'ssjs', 'html'] },
      title: { type: 'string', description: 'A few words naming what the code does.' },
      code: { type: 'string', description: 'The complete code, ready to paste.' },
    },
    required: ['language', 'title', 'code'],
    additionalProperties: false,
  },
};

export const getPageContext: FunctionTool<'get_page_context'> = {
  type: 'function',
  name: 'get_page_context',
  description:
    "Get the structure of the user's current SFMC screen (app, screen, headings, labels, buttons; personal data removed).",
  parameters: { type: 'object', properties: {}, additionalProperties: false },
};

export const lookupSfmcReference: FunctionTool<'lookup_sfmc_reference'> = {
  type: 'function',
  name: 'lookup_sfmc_reference',
  description:
    'Look up SFMC facts in the reference: AMPscript and SSJS functions, SQL rules, data views and concepts. ' +
    'Call it before you cite a function signature, a limit or a setting.',
  parameters: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'What to look up, e.g. "LookupRows" or "query activity timeout".' },
    },
    required: ['query'],
    additionalProperties: false,
  },
};

export const startWalkthrough: FunctionTool<'start_walkthrough'> = {
  type: 'function',
  name: 'start_walkthrough',
  description:
    'Start a step-by-step walkthrough in the side panel for a task with several steps. Each step names the control ' +
    'the user acts on, so the panel can point at it and notice when the step is done.',
  parameters: {
    type: 'object',
    properties: {
      title: { type: 'string', description: 'A few words naming the task.' },
      steps: {
        type: 'array',
        description: 'The steps in order.',
        items: {
          type: 'object',
          properties: {
            instruction: { type: 'string', description: 'One short sentence saying what to do.' },
            label: { type: 'string', description: 'The visible text or accessible name of the control for this step.' },
            role: {
              type: 'string',
              description: 'The kind of control: "button", "link", "tab", "field", "menuitem", …',
            },
          },
          required: ['instruction', 'label'],
          additionalProperties: false,
        },
      },
    },
    required: ['title', 'steps'],
    additionalProperties: false,
  },
};

export const INSTRUCTOR_TOOLS: readonly FunctionTool[] = [
  highlightElement,
  showSnippet,
  getPageContext,
  lookupSfmcReference,
  startWalkthrough,
];
