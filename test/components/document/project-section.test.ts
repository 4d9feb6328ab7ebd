import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import * as Y from 'yjs';
import { setIndicatorField, toBudgetYDoc } from '../../../shared/model/index.ts';
import { ProjectSection } from '../../../client/document/project-section.ts';
import { UndoHistory } from '../../../client/undo/undo-history.ts';
import { UndoShortcutController } from '../../../client/undo/undo-shortcut-controller.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { mount, pressChord, shadowQuery, waitFor } from '../helpers/mount.ts';

/** `<project-section>` of 接待管理经费 with this tab's undo history and the document's Ctrl+Z/Ctrl+Y keys on it. */
async function mountSection(readonly = false) {
  const doc = toBudgetYDoc(makeSmallBudgetText());
  const origin = { tab: 'test' };
  const history = new UndoHistory(doc, origin);
  const section = new ProjectSection();
  Object.assign(section, { doc, origin, history, projectId: 'p-reception', name: '接待管理经费', position: 1, readonly });
  new UndoShortcutController(section, () => history, () => section.readonly);
  await mount(section);
  const grid = section.querySelector('indicator-grid')!;
  await grid.updateComplete;
  const cell = (row: number, col: number) => shadowQuery(grid, `[role="gridcell"][data-row="${row}"][data-col="${col}"]`);
  return { doc, origin, section, cell, text: (row: number, col: number) => cell(row, col).textContent?.trim() ?? '' };
}

describe('<project-section>', () => {
  it('shows the numbered project with its header fields and its 绩效目标表', async () => {
    const { section } = await mountSection();
    const article = section.querySelector('article');
    expect(article?.dataset['testid']).to.equal('project-p-reception');
    expect(section.querySelector('h3')?.textContent?.replace(/\s+/g, ' ').trim()).to.match(/^1\. 接待管理经费 绩效目标表/);
    expect(section.querySelector('project-header')?.getAttribute('project-id')).to.equal('p-reception');
    expect(shadowQuery(section.querySelector('indicator-grid')!, '[role="grid"]').getAttribute('aria-label')).to.equal('接待管理经费');
  });

  it('shows a project outside the user’s grant as locked, with the reason on hover; none without a lock', async () => {
    const { section } = await mountSection();
    expect(section.querySelector('[data-testid="project-lock"]')).to.equal(null);
    Object.assign(section, { readonly: true, lock: '只读：不在您的编辑范围内（由文档负责人分配）' });
    await section.updateComplete;
    const chip = section.querySelector('[data-testid="project-lock"]');
    expect(chip?.textContent?.trim()).to.equal('只读 · 不在您的编辑范围');
    expect(chip?.getAttribute('title')).to.contain('由文档负责人分配');
  });

  it('Ctrl+Z undoes this user’s cell edit and Ctrl+Y redoes it; a colleague’s edit stays', async () => {
    const { doc, cell, text } = await mountSection();
    cell(0, 5).focus();
    await sendKeys({ type: '1号文' });
    await sendKeys({ press: 'Enter' });
    expect(text(0, 5)).to.equal('1号文');
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
    setIndicatorField(colleague, 'p-reception', 'r-qual', 'basis', '同事写的', 'colleague');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(doc)));
    await waitFor(() => text(1, 5) === '同事写的');
    await pressChord('Control', 'z');
    await waitFor(() => text(0, 5) === '2025年工作计划');
    expect(text(1, 5)).to.equal('同事写的');
    await pressChord('Control', 'y');
    await waitFor(() => text(0, 5) === '1号文');
  });

  it('read-only: Ctrl+Z changes nothing', async () => {
    const { doc, origin, cell, text } = await mountSection(true);
    // An edit of this tab's own (made before the document became read-only): undoable, but not now.
    setIndicatorField(doc, 'p-reception', 'r-qty', 'basis', '改过', origin);
    await waitFor(() => text(0, 5) === '改过');
    cell(0, 5).focus();
    await pressChord('Control', 'z');
    expect(text(0, 5)).to.equal('改过');
  });
});
