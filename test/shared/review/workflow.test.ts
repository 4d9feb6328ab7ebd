import { describe, expect, it } from 'vitest';
import { encodeAccessMessage, parseAccessMessage } from '../../../shared/review/access-message.ts';
import { allowedTransitions, canComment, canDecideSuggestions, canEditContent, canSuggest, readonlyReason, transitionRoles } from '../../../shared/review/workflow.ts';

describe('the workflow, as the server enforces it and the client offers it', () => {
  it('offers each role only the status changes the server accepts', () => {
    expect(allowedTransitions('editor', 'draft')).toEqual(['submitted']);
    expect(allowedTransitions('reviewer', 'draft')).toEqual([]);
    // Separation of duties: the reviewing side returns and approves; owners and editors may withdraw.
    expect(allowedTransitions('reviewer', 'submitted')).toEqual(['returned', 'approved']);
    expect(allowedTransitions('owner', 'submitted')).toEqual(['draft']);
    expect(allowedTransitions('editor', 'returned')).toEqual(['submitted', 'draft']);
    expect(allowedTransitions('owner', 'approved')).toEqual([]);
    expect(allowedTransitions('viewer', 'submitted')).toEqual([]);
  });

  it('says why content is read-only, the document status before the role', () => {
    expect(readonlyReason('editor', 'draft', false)).toBeNull();
    expect(readonlyReason('reviewer', 'draft', true)).toBe('reviewer');
    expect(readonlyReason('viewer', 'returned', true)).toBe('viewer');
    expect(readonlyReason('editor', 'submitted', true)).toBe('submitted');
    expect(readonlyReason('reviewer', 'approved', true)).toBe('approved');
    expect(readonlyReason('editor', 'draft', true)).toBe('other');
  });

  it('lets reviewers suggest but only editors and owners decide and edit', () => {
    expect(canSuggest('reviewer', 'submitted')).toBe(true);
    expect(canSuggest('reviewer', 'approved')).toBe(false);
    expect(canSuggest('viewer', 'draft')).toBe(false);
    expect(canDecideSuggestions('reviewer')).toBe(false);
    expect(canDecideSuggestions('editor')).toBe(true);
    expect(canEditContent('editor', 'returned')).toBe(true);
    expect(canEditContent('owner', 'submitted')).toBe(false);
  });

  it('names the status change a role may make, and no other', () => {
    expect(transitionRoles('submitted', 'approved')).toEqual(['reviewer']);
    expect(transitionRoles('draft', 'approved')).toBeNull();
    expect(canComment('viewer')).toBe(false);
    expect(canEditContent('auditor', 'draft')).toBe(false);
  });
});

describe('the access message', () => {
  it('reads the server\'s access message and ignores anything else', () => {
    expect(parseAccessMessage('{"type":"access","role":"reviewer","readOnly":true,"status":"draft"}')).toEqual({ type: 'access', role: 'reviewer', readOnly: true, status: 'draft' });
    expect(parseAccessMessage('{"type":"access","role":"editor","readOnly":"no","status":"draft"}')).toBeNull();
    expect(parseAccessMessage('{"type":"access","role":"editor","readOnly":false,"status":"archived"}')).toBeNull();
    expect(parseAccessMessage('not json')).toBeNull();
  });

  it('refuses to encode a message clients would drop', () => {
    expect(parseAccessMessage(encodeAccessMessage({ role: 'editor', readOnly: false, status: 'returned' }))).toEqual({ type: 'access', role: 'editor', readOnly: false, status: 'returned' });
    expect(() => encodeAccessMessage({ role: 'auditor' as 'viewer', readOnly: true, status: 'draft' })).toThrow();
  });
});
