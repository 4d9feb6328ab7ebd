import { expect } from 'chai';
import { CLOSE_CODES } from '../../../shared/limits.ts';
import { describeRefusal } from '../../../client/offline/refusal.ts';

describe('why the server closed the socket, as the page tells it', () => {
  it('names a refusal of the edits, and stays quiet about a close after which reconnecting sends them again', () => {
    expect(describeRefusal(CLOSE_CODES.READ_ONLY.code, CLOSE_CODES.READ_ONLY.reason)).to.equal(CLOSE_CODES.READ_ONLY.zh);
    // A status change held the document for milliseconds: the edits go again after the reconnect.
    expect(describeRefusal(CLOSE_CODES.STATUS_CHANGING.code, CLOSE_CODES.STATUS_CHANGING.reason)).to.equal(null);
    expect(describeRefusal(CLOSE_CODES.TOKEN_EXPIRED.code, CLOSE_CODES.TOKEN_EXPIRED.reason)).to.equal(null);
    expect(describeRefusal(1006, '')).to.equal(null);
  });
});
