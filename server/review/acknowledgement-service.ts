import { JixiaoError } from '../../shared/errors.ts';
import { toBudgetJson } from '../../shared/model/index.ts';
import { readDocSettings } from '../../shared/model/index.ts';
import {
  acknowledgementKey,
  ACKNOWLEDGERS,
  markAcknowledged,
  putAcknowledgement,
  readAcknowledgements,
  type AcknowledgedFinding,
  type AcknowledgementInput,
} from '../../shared/review/acknowledgements.ts';
import { reviewDocName } from '../../shared/review/review-ydoc.ts';
import { ROLES } from '../../shared/review/workflow.ts';
import type { Finding, summarizeFindings } from '../../shared/rules/index.ts';
import { loadRules } from '../validation/load-rules.ts';
import type { Identity } from '../auth/tokens.ts';
import type { DocService } from '../docs/doc-service.ts';
import type { AccessService } from './access-service.ts';
import type { ReviewWriter } from './review-writer.ts';

/**
 * 已确认 marks on warnings: who may set and remove them, checked against the document's current
 * findings (an error cannot be marked: it still blocks submission), written to the review
 * document with the verified author and time; and the validation report with the marks.
 */
export class AcknowledgementService {
  private readonly access: AccessService;
  private readonly writer: ReviewWriter;
  private readonly docs: DocService;

  constructor(access: AccessService, writer: ReviewWriter, docs: DocService) {
    this.access = access;
    this.writer = writer;
    this.docs = docs;
  }

  /** `{summary, findings}` of the document now, findings marked with `acknowledged`, the summary with an `acknowledged` count. */
  async report(docId: string, user: Identity): Promise<{ summary: ReturnType<typeof summarizeFindings> & { acknowledged: number }; findings: AcknowledgedFinding[] }> {
    await this.access.require(docId, user, ROLES);
    const rules = await loadRules();
    const findings = markAcknowledged(await this.findings(docId), await this.docs.read(reviewDocName(docId), readAcknowledgements));
    return { summary: { ...rules.summarizeFindings(findings), acknowledged: findings.filter((f) => f.acknowledged).length }, findings };
  }

  /** Marks the finding 已确认; NOT_FOUND when the document has no such finding now, CONFLICT for an error. */
  async acknowledge(docId: string, user: Identity, input: AcknowledgementInput): Promise<void> {
    await this.access.require(docId, user, ACKNOWLEDGERS);
    const key = acknowledgementKey(input.ruleId, input.place);
    const finding = (await this.findings(docId)).find((f) => acknowledgementKey(f.ruleId, f.place) === key);
    if (!finding) throw new JixiaoError({ code: 'NOT_FOUND', zh: '文档中没有这条检查结果（可能已修正）', en: 'The document has no such finding (it may have been fixed)' });
    if (finding.severity === 'error') throw new JixiaoError({ code: 'CONFLICT', zh: '错误不能标记为已确认，须修正后才能提交', en: 'Errors cannot be acknowledged; fix them before submitting' });
    const ack = { ruleId: input.ruleId, place: input.place, by: { sub: user.sub, name: user.name }, at: new Date().toISOString() };
    await this.writer.review(docId, user, (doc) => putAcknowledgement(doc, key, ack));
  }

  /** Takes anyone's 已确认 mark back; NOT_FOUND when there is none. */
  async remove(docId: string, user: Identity, input: AcknowledgementInput): Promise<void> {
    await this.access.require(docId, user, ACKNOWLEDGERS);
    const key = acknowledgementKey(input.ruleId, input.place);
    const found = await this.writer.review(docId, user, (doc) => {
      const had = readAcknowledgements(doc).has(key);
      if (had) putAcknowledgement(doc, key, null);
      return had;
    });
    if (!found) throw new JixiaoError({ code: 'NOT_FOUND', zh: '这条检查结果没有被确认过', en: 'This finding was not acknowledged' });
  }

  private async findings(docId: string): Promise<Finding[]> {
    const { validateBudgetText } = await loadRules();
    return this.docs.read(docId, (doc) => validateBudgetText(toBudgetJson(doc), { hierarchy: readDocSettings(doc).hierarchy }));
  }
}
