import { ConflictException, GoneException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { aCase, aResponse } from '@probity/testing';
import { casesServiceDoubles } from './service-doubles';

describe('ProviderInvitesService (unit, mocked repositories)', () => {
  const open = aCase({ status: 'open' });
  const invited = aResponse({ caseId: open.id, status: 'invited' });
  const invite = {
    organisationName: invited.organisationName,
    country: invited.country,
    legalIdentifiers: invited.legalIdentifiers,
    contactEmails: [' Bids@Northwind.example ', 'bids@northwind.example'],
  };
  const token = 'a'.repeat(43);

  it('invites with normalised, de-duplicated contacts and returns the new link token', async () => {
    const doubles = casesServiceDoubles();
    doubles.given(open);
    doubles.responseRepository.insert.mockImplementation(async (response: object) => response);
    doubles.links.issue.mockResolvedValue('the-token');
    const { response, token: issued } = await doubles.invites.inviteProvider(open.id, invite);
    expect(response).toMatchObject({ caseId: open.id, status: 'invited', contactEmails: ['bids@northwind.example'] });
    expect(issued).toBe('the-token');
  });

  it('409s an invitation while the case is not open and 422s one without contacts', async () => {
    const draft = casesServiceDoubles();
    draft.given({ ...open, status: 'draft' });
    await expect(draft.invites.inviteProvider(open.id, invite)).rejects.toBeInstanceOf(ConflictException);

    const doubles = casesServiceDoubles();
    doubles.given(open);
    await expect(doubles.invites.inviteProvider(open.id, { ...invite, contactEmails: [] })).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    expect(doubles.responseRepository.insert).not.toHaveBeenCalled();
  });

  it('404s re-issuing or withdrawing an unknown response; 409s a re-issue after closing', async () => {
    const doubles = casesServiceDoubles();
    doubles.responseRepository.findById.mockResolvedValue(null);
    await expect(doubles.invites.reissueInvite('missing')).rejects.toBeInstanceOf(NotFoundException);
    await expect(doubles.invites.revokeInvite('missing')).rejects.toBeInstanceOf(NotFoundException);

    doubles.given({ ...open, status: 'closed' }, invited);
    await expect(doubles.invites.reissueInvite(invited.id)).rejects.toBeInstanceOf(ConflictException);
    expect(doubles.links.revokeAll).not.toHaveBeenCalled();
  });

  describe('resolveInvite', () => {
    it('404s a malformed or unknown token and 410s a withdrawn link', async () => {
      const doubles = casesServiceDoubles();
      await expect(doubles.invites.resolveInvite('short')).rejects.toBeInstanceOf(NotFoundException);
      doubles.links.findByToken.mockResolvedValue(null);
      await expect(doubles.invites.resolveInvite(token)).rejects.toBeInstanceOf(NotFoundException);
      doubles.links.findByToken.mockResolvedValue({ responseId: invited.id, revokedAt: new Date() });
      await expect(doubles.invites.resolveInvite(token)).rejects.toBeInstanceOf(GoneException);
    });

    it('410s after closing with the closing time, except for reading a submitted response', async () => {
      const closedAt = new Date('2026-11-30T12:00:00Z');
      const doubles = casesServiceDoubles();
      doubles.links.findByToken.mockResolvedValue({ responseId: invited.id, revokedAt: null });
      doubles.given({ ...open, status: 'closed', responsesClosedAt: closedAt }, { ...invited, status: 'submitted' });
      await expect(doubles.invites.resolveInvite(token)).rejects.toThrow('closed on 2026-11-30 12:00 UTC');
      const opened = await doubles.invites.resolveInvite(token, { readSubmitted: true });
      expect(opened.response.id).toBe(invited.id);
      expect(doubles.responseRepository.markFirstOpened).toHaveBeenCalledWith(invited.id, expect.any(Date));
    });
  });
});
