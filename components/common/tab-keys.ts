/**
 * Arrow-key movement in a role=tablist (WAI-ARIA tabs pattern, automatic activation): Left/Right wrap around,
 * Home/End jump to the ends. Returns the index of the tab to select, or null for a key the tablist does not handle.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  const at = index < 0 ? 0 : index;
  switch (key) {
    case 'ArrowRight':
      return (at + 1) % count;
    case 'ArrowLeft':
      return (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
