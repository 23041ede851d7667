import {
  ConflictException,
  NotFoundException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { aCase, aResponse } from '@probity/testing';
import { casesServiceDoubles } from './service-doubles';

describe('EvidenceService (unit, mocked repositories)', () => {
  const open = aCase({ status: 'open' });
  const response = aResponse({ caseId: open.id, status: 'in_progress' });
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

  it('409s evidence for a submitted response and 422s an unknown question', async () => {
    const submitted = casesServiceDoubles();
    submitted.given(open, { ...response, status: 'submitted' });
    await expect(submitted.evidence.addEvidence(response.id, 'audit_report', 'audit.pdf', pdf)).rejects.toBeInstanceOf(
      ConflictException,
    );
    await expect(submitted.evidence.removeEvidence(response.id, 'any')).rejects.toBeInstanceOf(ConflictException);

    const doubles = casesServiceDoubles();
    doubles.given(open, response);
    await expect(
      doubles.evidence.addEvidence(response.id, 'no_such_question', 'audit.pdf', pdf),
    ).rejects.toBeInstanceOf(UnprocessableEntityException);
  });

  it('415s a file whose content is not on the allow-list, whatever its name', async () => {
    const doubles = casesServiceDoubles();
    doubles.given(open, response);
    await expect(
      doubles.evidence.addEvidence(response.id, 'audit_report', 'audit.pdf', Buffer.from('MZ\x90\x00 not a pdf')),
    ).rejects.toBeInstanceOf(UnsupportedMediaTypeException);
    expect(doubles.responseRepository.addEvidence).not.toHaveBeenCalled();
  });

  it('stores an accepted file with its hash and records it', async () => {
    const doubles = casesServiceDoubles();
    doubles.given(open, response);
    doubles.responseRepository.addEvidence.mockImplementation(async (file: object) => file);
    const added = await doubles.evidence.addEvidence(response.id, 'audit_report', 'audit.pdf', pdf);
    expect(added).toMatchObject({ contentType: 'application/pdf', sizeBytes: pdf.length });
    expect(added.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doubles.audit.recordChange).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ action: 'evidence.added' }),
    );
  });

  it('404s removing or reading a malformed or unknown evidence id', async () => {
    const doubles = casesServiceDoubles();
    doubles.given(open, response);
    await expect(doubles.evidence.removeEvidence(response.id, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundException);
    doubles.responseRepository.findEvidence.mockResolvedValue(null);
    await expect(doubles.evidence.removeEvidence(response.id, response.id)).rejects.toBeInstanceOf(NotFoundException);
    doubles.responseRepository.evidenceWithContent.mockResolvedValue(null);
    await expect(doubles.evidence.evidenceContent(response.id, response.id)).rejects.toBeInstanceOf(NotFoundException);
  });
});
