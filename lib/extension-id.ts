/** The id Chrome derives from the pinned manifest key in wxt.config.ts (unpacked, practice and test builds). */
export const PINNED_EXTENSION_ID = 'ffkdpfdcjcgaahldlkgfflgdhflkfhbk';
export const PINNED_EXTENSION_ORIGIN = `chrome-extension://${PINNED_EXTENSION_ID}`;
