import { executeServerCommand } from '@web/test-runner-commands';
import { DocEndpoint } from '../../../client/api/doc-endpoint.ts';
import { ReviewApi } from '../../../client/api/review-api.ts';
import type { NewDocAnswer, NewDocPayload } from './jixiao-server-plugin.ts';

/** A fresh document (the small fixture) on the real test server, with the review API as `who` (default: 张三, owner). */
export async function newServerDoc(who: NewDocPayload = {}): Promise<NewDocAnswer & { api: ReviewApi }> {
  const answer = await executeServerCommand<NewDocAnswer, NewDocPayload>('jixiao-new-doc', who);
  return { ...answer, api: new ReviewApi(new DocEndpoint(location.origin, answer.docId, () => answer.token)) };
}
