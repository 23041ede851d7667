import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { AuditTrail } from '@probity/audit';
import { waitFor } from '@probity/testing';
import { getPdf } from '../support/pdf';
import { signoffSteps, SignoffWorld, VersionRow } from '../support/signoff-world';

/**
 * The last steps of test/dossier-signoff.e2e-spec.ts, run in its one app after the review steps: the panel
 * changing in review, the sign-off with its sealed PDF, the panel locked after it, and the audit trail.
 */
export function signOffTests(world: SignoffWorld): void {
  const { as, server, versions, renderedVersion, signOffMails, panelOf, decide, approve } = signoffSteps(world);
  const PANEL_LOCKED = 'The dossier of this case is signed off: its panel can no longer change.';
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const run = promisify(execFile);

  it('follows the panel: a change in review starts a new version and voids the approvals given so far', async () => {
    await approve('lena', world.secondVersion).expect(201);
    await panelOf(['lena', 'lars', 'lukas']).expect(200);
    const thirdVersion = await renderedVersion(3);
    const reviewersOf = async (dossierId: string) =>
      (await request(server()).get(`/api/v1/dossiers/${dossierId}`).set(as('officer')).expect(200)).body;
    const third = await reviewersOf(thirdVersion.id);
    expect(third.reviewers.map((r: { name: string; decision: string | null }) => [r.name, r.decision])).toEqual([
      ['Lars Lawyer', null],
      ['Lena Legal', null],
      ['Lukas Late', null],
    ]);
    // Lena's approval was of version 2, reviewed by two people: it does not carry over.
    const void_ = await approve('lars', world.secondVersion).expect(409);
    expect(void_.body.message).toBe('Version 2 is stale: version 3 replaced it. Review the new version.');
    const mail = await waitFor(
      async () => signOffMails().find((m) => m.recipients[0] === world.people.lukas.email) ?? null,
      30_000,
      200,
    );
    expect(mail.parsed.text).toContain(`/reviews/dossiers/${thirdVersion.id}`);
    // Back to the panel version 2 was rendered for: that version, its bytes and reviewers, is current again.
    await panelOf(['lena', 'lars']).expect(200);
    const back = await reviewersOf(world.secondVersion.id);
    expect(back.current).toBe(true);
    expect(back.reviewers.map((r: { name: string }) => r.name)).toEqual(['Lars Lawyer', 'Lena Legal']);
    expect((await reviewersOf(thirdVersion.id)).current).toBe(false);
  });

  it('signs off once every legal reviewer approves; the signed PDF verifies and names the signers', async () => {
    await decide('lena', world.secondVersion.id, {
      decision: 'approve-with-conditions',
      conditions: 'Clause 4 is added to the contract.',
      pdfSha256: world.secondVersion.pdfSha256 as string,
    }).expect(201);
    await approve('lars', world.secondVersion).expect(201);
    await waitFor(
      async () =>
        (await request(server()).get(`/api/v1/cases/${world.caseId}`).set(as('officer'))).body.status === 'signed_off',
      120_000,
      250,
    );
    const signed = (await versions()).find((v) => v.id === world.secondVersion.id) as VersionRow;
    expect(signed.status).toBe('signed');

    const bytes = (await getPdf(server(), `/api/v1/dossiers/${world.secondVersion.id}/signed.pdf`, as('officer'))).body;
    expect(sha256(bytes)).toBe(signed.signedPdfSha256);

    const verified = await request(server())
      .post('/api/v1/dossiers/verify')
      .attach('file', bytes, 'dossier.pdf')
      .expect(200);
    expect(verified.body).toMatchObject({
      valid: true,
      signed: true,
      status: 'signed',
      caseReference: world.reference,
    });
    expect(verified.body.signers.map((s: { name: string; decision: string }) => [s.name, s.decision])).toEqual([
      ['Lars Lawyer', 'approve'],
      ['Lena Legal', 'approve-with-conditions'],
    ]);

    // The seal is a PAdES signature: the local CA (zero-setup keys) is trusted here, and the reviewers'
    // approvals come from the sealed approvals.json, conditions included.
    expect(verified.body).toMatchObject({ storedHere: true, seal: { trusted: true, timestampedAt: null } });
    expect(verified.body.seal.subject).toMatch(/^CN=Probity at probity\.example dossier seal/);
    expect(verified.body.signers[1]).toMatchObject({
      conditions: 'Clause 4 is added to the contract.',
      reviewCopySha256: world.secondVersion.pdfSha256,
    });
    // Any PDF reader sees one valid signature over the whole file (poppler's pdfsig stands in for them).
    const file = join(world.keyDir, 'signed.pdf');
    await writeFile(file, bytes);
    const { stdout: pdfsig } = await run('pdfsig', ['-nocert', file]);
    expect(pdfsig.match(/^Signature #\d+:/gm)).toHaveLength(1);
    expect(pdfsig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(pdfsig).toContain('Total document signed');
    expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
    // Anyone can fetch the CA certificate the seal chains to, without signing in.
    const ca = await request(server()).get('/verify/ca.pem').expect(200);
    expect(ca.text).toMatch(/^-----BEGIN CERTIFICATE-----/);
    // Sealed dossiers list no Ed25519 key: those are only for dossiers signed before PAdES.
    expect((await request(server()).get('/api/v1/dossiers/signing-keys').expect(200)).body).toEqual([]);

    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf(Buffer.from(world.reference));
    tampered.write('X', at > 0 ? at : Math.floor(tampered.length / 2), 'latin1');
    const refused = await request(server())
      .post('/api/v1/dossiers/verify')
      .attach('file', tampered, 'dossier.pdf')
      .expect(200);
    expect(refused.body.valid).toBe(false);
    expect(refused.body.reason.length).toBeGreaterThan(10);

    // Signed means immutable: no decision, comment or new version any more.
    const late = await approve('lena', world.secondVersion).expect(409);
    expect(late.body.message).toMatch(/signed|not in legal review/);
    const again = await request(server()).post(`/api/v1/cases/${world.caseId}/dossiers`).set(as('officer')).expect(409);
    expect(again.body.message).toBe('The dossier of this case is signed: it can no longer change.');
  });

  it('refuses panel changes once the dossier is signed off, from the API (409) and on the case page', async () => {
    const unticked = await panelOf(['lars']).expect(409);
    expect(unticked.body.message).toBe(PANEL_LOCKED);
    const page = await request(server())
      .post(`/cases/${world.caseId}/panel`)
      .set(as('officer'))
      .type('form')
      .send({ evaluators: world.people.evaluator.userId, legalReviewers: world.people.lars.userId })
      .expect(409);
    expect(page.text).toContain(PANEL_LOCKED);
    const state = await request(server())
      .get(`/api/v1/dossiers/${world.secondVersion.id}`)
      .set(as('officer'))
      .expect(200);
    expect(state.body.reviewers.map((r: { name: string }) => r.name)).toEqual(['Lars Lawyer', 'Lena Legal']);
    const procurementCase = await request(server()).get(`/api/v1/cases/${world.caseId}`).set(as('officer')).expect(200);
    expect(procurementCase.body.panel).toHaveLength(3);
  });

  it('records every step in the agency’s audit trail', async () => {
    const audit = world.app.get(AuditTrail);
    const actionsOn = async (subjectId: string) =>
      (await audit.list(world.agencyId, { subjectId, page: 1, pageSize: 100 })).items.map((e) => [
        e.action,
        e.actorLabel,
      ]);
    const first = await actionsOn(world.firstVersion.id);
    expect(first).toEqual(
      expect.arrayContaining([
        ['dossier.render-requested', 'Olivia Officer (procurement officer)'],
        ['dossier.sign-off-requested', 'Dossier review'],
        ['dossier.commented', 'Lena Legal (legal reviewer)'],
        ['dossier.decided', 'Lena Legal (legal reviewer)'],
        ['dossier.decided', 'Lars Lawyer (legal reviewer)'],
      ]),
    );
    expect(first.filter(([action]) => action === 'dossier.sign-off-requested')).toHaveLength(1);
    const second = await actionsOn(world.secondVersion.id);
    expect(second).toEqual(expect.arrayContaining([['dossier.signed', 'Dossier signing job']]));
    const caseEntries = (await audit.list(world.agencyId, { subjectId: world.caseId, page: 1, pageSize: 100 })).items;
    expect(caseEntries.map((e) => e.action)).toContain('dossier.reviewers-set');
    expect(
      caseEntries.some(
        (e) => e.action === 'case.transition' && (e.after as { status: string }).status === 'signed_off',
      ),
    ).toBe(true);
    expect((await audit.verify(world.agencyId)).valid).toBe(true);
  });
}
