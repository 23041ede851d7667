import type { AuditRecordInput } from '../lib/audit-trail.service';

/** An officer's case transition as the trail records it; `overrides` change what a test is about. */
export function anAuditInput(agencyId: string | null, overrides: Partial<AuditRecordInput> = {}): AuditRecordInput {
  return {
    agencyId,
    actorType: 'staff',
    actorId: 'user-1',
    actorLabel: 'Ada Officer (admin)',
    action: 'case.transition',
    subjectType: 'case',
    subjectId: 'case-1',
    before: { status: 'draft' },
    after: { status: 'published' },
    ...overrides,
  };
}
