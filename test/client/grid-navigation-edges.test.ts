import { describe, expect, it } from 'vitest';
import { editingKeyAction, navigationKeyAction, type KeyInput } from '../../client/grid/grid-navigation.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });
const size = { rows: 25, cols: 6 };

describe('grid keyboard model at the edges', () => {
  it('pages ten rows and stops at the first and last row', () => {
    expect(navigationKeyAction(key('PageDown'), { row: 3, col: 4 }, size)).toEqual({ kind: 'move', to: { row: 13, col: 4 } });
    expect(navigationKeyAction(key('PageDown'), { row: 20, col: 4 }, size)).toEqual({ kind: 'move', to: { row: 24, col: 4 } });
    expect(navigationKeyAction(key('PageUp'), { row: 3, col: 4 }, size)).toEqual({ kind: 'move', to: { row: 0, col: 4 } });
  });

  it('treats ⌘ like Ctrl for jumps (macOS)', () => {
    expect(navigationKeyAction(key('ArrowDown', { metaKey: true }), { row: 3, col: 1 }, size)).toEqual({ kind: 'move', to: { row: 24, col: 1 } });
  });

  it('lets Shift+Tab leave the grid before the first cell', () => {
    expect(navigationKeyAction(key('Tab', { shiftKey: true }), { row: 0, col: 0 }, size)).toEqual({ kind: 'none' });
  });

  it('opens the editor keeping the value on Enter, and leaves Alt+letter shortcuts to the browser', () => {
    expect(navigationKeyAction(key('Enter'), { row: 0, col: 0 }, size)).toEqual({ kind: 'edit', replace: false });
    expect(navigationKeyAction(key('f', { altKey: true }), { row: 0, col: 0 }, size)).toEqual({ kind: 'none' });
    expect(navigationKeyAction(key('Delete'), { row: 0, col: 0 }, size)).toEqual({ kind: 'clear' });
  });

  it('commits Enter on the last row in place, and Tab on the last cell in place', () => {
    expect(editingKeyAction(key('Enter'), { row: 24, col: 2 }, size)).toEqual({ kind: 'commit', then: { row: 24, col: 2 } });
    expect(editingKeyAction(key('Tab'), { row: 24, col: 5 }, size)).toEqual({ kind: 'commit', then: { row: 24, col: 5 } });
    expect(editingKeyAction(key('Enter', { shiftKey: true }), { row: 0, col: 2 }, size)).toEqual({ kind: 'commit', then: { row: 0, col: 2 } });
  });

  it('leaves keys alone while an input method composes', () => {
    expect(editingKeyAction(key('Process'), { row: 1, col: 1 }, size)).toEqual({ kind: 'none' });
    expect(editingKeyAction(key('a'), { row: 1, col: 1 }, size)).toEqual({ kind: 'none' });
  });
});
