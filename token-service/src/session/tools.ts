/** The instructor's function tools. The extension implements them; the server pins their schemas into the session. */
import type { RealtimeFunctionTool } from 'openai/resources/realtime/realtime';

export const highlightElement: RealtimeFunctionTool = {
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

export const showSnippet: RealtimeFunctionTool = {
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

export const getPageContext: RealtimeFunctionTool = {
  type: 'function',
  name: 'get_page_context',
  description:
    "Get the structure of the user's current SFMC screen (app, screen, headings, labels, buttons; personal data removed).",
  parameters: { type: 'object', properties: {}, additionalProperties: false },
};

export const INSTRUCTOR_TOOLS: RealtimeFunctionTool[] = [highlightElement, showSnippet, getPageContext];
