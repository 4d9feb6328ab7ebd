import { describe, expect, it } from 'vitest';
import { editingKeyAction, navigationKeyAction, type KeyInput } from '../../client/grid/grid-navigation.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });
const size = { rows: 5, cols: 6 };
const at = { row: 2, col: 3 };

describe('grid keyboard model', () => {
  it('moves with arrows and jumps to edges with Ctrl, Home and End', () => {
    expect(navigationKeyAction(key('ArrowDown'), at, size)).toEqual({ kind: 'move', to: { row: 3, col: 3 } });
    expect(navigationKeyAction(key('ArrowUp', { ctrlKey: true }), at, size)).toEqual({ kind: 'move', to: { row: 0, col: 3 } });
    expect(navigationKeyAction(key('ArrowRight', { ctrlKey: true }), at, size)).toEqual({ kind: 'move', to: { row: 2, col: 5 } });
    expect(navigationKeyAction(key('Home'), at, size)).toEqual({ kind: 'move', to: { row: 2, col: 0 } });
    expect(navigationKeyAction(key('End', { ctrlKey: true }), at, size)).toEqual({ kind: 'move', to: { row: 4, col: 5 } });
    expect(navigationKeyAction(key('ArrowLeft'), { row: 0, col: 0 }, size)).toEqual({ kind: 'move', to: { row: 0, col: 0 } });
  });

  it('extends the selection with Shift, also to the edges', () => {
    expect(navigationKeyAction(key('ArrowRight', { shiftKey: true }), at, size)).toEqual({ kind: 'extend', to: { row: 2, col: 4 } });
    expect(navigationKeyAction(key('ArrowDown', { shiftKey: true, ctrlKey: true }), at, size)).toEqual({ kind: 'extend', to: { row: 4, col: 3 } });
    expect(navigationKeyAction(key('a', { ctrlKey: true }), at, size)).toEqual({ kind: 'selectAll' });
  });

  it('tabs across rows and lets focus leave after the last cell', () => {
    expect(navigationKeyAction(key('Tab'), { row: 0, col: 5 }, size)).toEqual({ kind: 'move', to: { row: 1, col: 0 } });
    expect(navigationKeyAction(key('Tab', { shiftKey: true }), { row: 1, col: 0 }, size)).toEqual({ kind: 'move', to: { row: 0, col: 5 } });
    expect(navigationKeyAction(key('Tab'), { row: 4, col: 5 }, size)).toEqual({ kind: 'none' });
  });

  it('starts editing on a character, F2, Enter and an input method; clears on Delete', () => {
    expect(navigationKeyAction(key('x'), at, size)).toEqual({ kind: 'edit', replace: true });
    expect(navigationKeyAction(key('Process'), at, size)).toEqual({ kind: 'edit', replace: true });
    expect(navigationKeyAction(key('F2'), at, size)).toEqual({ kind: 'edit', replace: false });
    expect(navigationKeyAction(key('Backspace'), at, size)).toEqual({ kind: 'clear' });
    expect(navigationKeyAction(key('c', { ctrlKey: true }), at, size)).toEqual({ kind: 'none' });
  });

  it('maps row shortcuts and the menu key', () => {
    expect(navigationKeyAction(key('ArrowUp', { altKey: true }), at, size)).toEqual({ kind: 'row', command: 'moveUp' });
    expect(navigationKeyAction(key('ArrowDown', { altKey: true }), at, size)).toEqual({ kind: 'row', command: 'moveDown' });
    expect(navigationKeyAction(key('+', { ctrlKey: true, shiftKey: true }), at, size)).toEqual({ kind: 'row', command: 'insertAbove' });
    expect(navigationKeyAction(key('=', { ctrlKey: true, altKey: true }), at, size)).toEqual({ kind: 'row', command: 'insertBelow' });
    expect(navigationKeyAction(key('-', { ctrlKey: true }), at, size)).toEqual({ kind: 'row', command: 'delete' });
    expect(navigationKeyAction(key('D', { ctrlKey: true, shiftKey: true }), at, size)).toEqual({ kind: 'row', command: 'duplicate' });
    expect(navigationKeyAction(key('F10', { shiftKey: true }), at, size)).toEqual({ kind: 'menu' });
    expect(navigationKeyAction(key('ContextMenu'), at, size)).toEqual({ kind: 'menu' });
  });

  it('commits with Enter (down), Shift+Enter (up), Tab (right); Alt+Enter breaks the line; IME Enter is left alone', () => {
    expect(editingKeyAction(key('Enter'), at, size)).toEqual({ kind: 'commit', then: { row: 3, col: 3 } });
    expect(editingKeyAction(key('Enter', { shiftKey: true }), at, size)).toEqual({ kind: 'commit', then: { row: 1, col: 3 } });
    expect(editingKeyAction(key('Tab'), at, size)).toEqual({ kind: 'commit', then: { row: 2, col: 4 } });
    expect(editingKeyAction(key('Enter', { altKey: true }), at, size)).toEqual({ kind: 'newline' });
    expect(editingKeyAction(key('Enter', { isComposing: true }), at, size)).toEqual({ kind: 'none' });
    expect(editingKeyAction(key('Escape'), at, size)).toEqual({ kind: 'cancel' });
  });
});
