import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import * as Y from 'yjs';
import { projectsMap, readString, resolveText, setProjectField, toBudgetYDoc } from '../../../shared/model/index.ts';
import type { Finding } from '../../../shared/rules/index.ts';
import { ProjectHeader } from '../../../client/document/project-header.ts';
import { UndoHistory } from '../../../client/undo/undo-history.ts';
import { makeSmallBudgetText } from '../../fixtures/small-budget-text.ts';
import { focusedTestId, mount, shadowQuery, waitFor } from '../helpers/mount.ts';

const P = 'p-reception';

async function mountHeader(options: { readonly?: boolean; findings?: Finding[] } = {}) {
  const doc = toBudgetYDoc(makeSmallBudgetText());
  const origin = { tab: 'test' };
  const header = new ProjectHeader();
  header.doc = doc;
  header.origin = origin;
  header.history = new UndoHistory(doc, origin);
  header.projectId = P;
  header.readonly = options.readonly ?? false;
  header.findings = options.findings ?? [];
  await mount(header);
  const field = <T extends HTMLElement = HTMLInputElement>(name: string) => {
    const id = `project-${P}-${name}`;
    // Amounts and texts are elements of their own, passing the test id to the input in their shadow root.
    const own = header.shadowRoot?.querySelector<T>(`[data-testid="${id}"]`);
    return own ?? shadowQuery<T>(shadowQuery(header, `[testid="${id}"]`), `[data-testid="${id}"]`);
  };
  return { doc, header, field, project: () => projectsMap(doc).get(P)! };
}

describe('<project-header>', () => {
  it('shows the project header fields with their labels', async () => {
    const { field } = await mountHeader();
    expect(field('code').value).to.equal('13022525P000000000101');
    expect(field('name').value).to.equal('接待管理经费');
    expect(field('total').value).to.equal('20');
    const purpose = field<HTMLTextAreaElement>('purpose');
    expect(purpose.value).to.equal('用于公务接待活动的餐费、住宿费等支出。');
    expect(purpose.getAttribute('aria-label')).to.equal('资金用途');
  });

  it('writes typing into the Y.Doc, and shows a colleague’s change at once', async () => {
    const { doc, header, field, project } = await mountHeader();
    field('name').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: 'X' });
    expect(readString(project(), 'name')).to.equal('接待管理经费X');
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
    setProjectField(colleague, P, 'code', '999', 'colleague');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(doc)));
    await header.updateComplete;
    expect(field('code').value).to.equal('999');
  });

  it('Enter moves to the next field; Esc takes back the edits made since entering the field', async () => {
    const { field, project } = await mountHeader();
    field('code').focus();
    await sendKeys({ press: 'Enter' });
    expect(focusedTestId()).to.equal(field('name').dataset['testid']);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: 'abc' });
    expect(readString(project(), 'name')).to.equal('接待管理经费abc');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => field('name').value === '接待管理经费');
    expect(readString(project(), 'name')).to.equal('接待管理经费');
  });

  it('a colleague typing before the caret in 资金用途 keeps this user’s caret on the same character', async () => {
    const { doc, field } = await mountHeader();
    const purpose = field<HTMLTextAreaElement>('purpose');
    purpose.focus();
    purpose.setSelectionRange(2, 2);
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(doc));
    resolveText(colleague, { project: P, field: 'purpose' })?.insert(0, '甲乙');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(doc)));
    expect(purpose.value).to.equal('甲乙用于公务接待活动的餐费、住宿费等支出。');
    expect([purpose.selectionStart, purpose.selectionEnd]).to.deep.equal([4, 4]);
    await sendKeys({ type: 'Z' });
    expect(resolveText(doc, { project: P, field: 'purpose' })?.toString()).to.equal('甲乙用于Z公务接待活动的餐费、住宿费等支出。');
  });

  it('read-only: fields cannot be changed', async () => {
    const { field, project } = await mountHeader({ readonly: true });
    expect(field('name').readOnly).to.equal(true);
    expect(field<HTMLTextAreaElement>('purpose').readOnly).to.equal(true);
    field('name').focus();
    await sendKeys({ type: 'abc' });
    expect(readString(project(), 'name')).to.equal('接待管理经费');
  });

  it('marks a field with a finding (aria-invalid) and describes it', async () => {
    const finding: Finding = { ruleId: 'R-TEST', severity: 'error', scope: 'project', place: { project: P, field: 'code' }, zh: '项目编码格式不对', en: 'Malformed project code' };
    const { header, field } = await mountHeader({ findings: [finding] });
    const code = field('code');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    const description = shadowQuery(header, `#${code.getAttribute('aria-describedby')}`);
    expect(description.textContent).to.contain('项目编码格式不对');
  });
});
