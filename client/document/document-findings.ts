import { summarizeFindings } from '../../shared/rules/index.ts';
import type { Acknowledgement } from '../../shared/review/acknowledgements.ts';
import type { ReviewApi } from '../api/review-api.ts';
import { errorMessage } from '../api/error-message.ts';
import type { FindingsIndex, SeverityCounts } from '../validation/findings-index.ts';
import type { FindingAcknowledgeEvent } from '../validation/finding-acknowledge-event.ts';
import { outstandingFindings } from '../validation/group-findings.ts';

/** The toolbar's counts: what is still to be looked at (warnings marked 已确认 drop out). */
export function outstandingCounts(index: FindingsIndex, acks: ReadonlyMap<string, Acknowledgement> | undefined): SeverityCounts {
  return acks && acks.size > 0 ? summarizeFindings(outstandingFindings(index.all, acks)) : index.counts;
}

/**
 * Sends the marks a `finding-acknowledge` asks for, one call per place (a grouped entry marks
 * each of its findings); resolves to the message to show when the server refused, else null.
 */
export async function sendAcknowledgements(api: ReviewApi, event: FindingAcknowledgeEvent): Promise<string | null> {
  try {
    for (const f of event.findings) await api.acknowledge(f.ruleId, f.place, event.on);
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}
