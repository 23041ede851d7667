import { countryChoices, isCountryCode } from './countries';
import { alreadyInvitedEmails, InvitedProvider, sameOrganisation } from './duplicate-invites';

const northwind: InvitedProvider = {
  organisationName: 'Northwind Vision B.V.',
  contactEmails: ['tenders@northwind.example'],
  legalIdentifiers: { VAT: 'NL004495445B01' },
};

describe('duplicate invitations', () => {
  it('finds an address already invited, whatever its case or spacing', () => {
    expect(alreadyInvitedEmails([northwind], [' TENDERS@Northwind.example', 'new@northwind.example'])).toEqual([
      { email: 'tenders@northwind.example', organisationName: 'Northwind Vision B.V.' },
    ]);
  });

  it.each([
    ['the same name written differently', { organisationName: 'northwind vision bv', legalIdentifiers: {} }],
    ['the same VAT number', { organisationName: 'NW Benelux', legalIdentifiers: { VAT: 'nl 004495445 b01' } }],
  ])('recognises the same organisation by %s', (_how, candidate) => {
    expect(sameOrganisation([northwind], { ...candidate, contactEmails: [] })).toBe(northwind);
  });

  it('does not confuse another organisation or an empty identifier with it', () => {
    const other = { organisationName: 'Southwind', contactEmails: [], legalIdentifiers: { VAT: ' - ', LEI: 'X1' } };
    expect(sameOrganisation([northwind], other)).toBeUndefined();
  });
});

describe('countries', () => {
  it.each([
    ['NL', true],
    ['NE', true],
    ['Ne', false],
    ['NLD', false],
    ['528', false],
    ['XX', false],
  ])('%s is an ISO 3166-1 alpha-2 code: %s', (code, valid) => {
    expect(isCountryCode(code)).toBe(valid);
  });

  it('offers names in alphabetical order with the chosen one selected', () => {
    const choices = countryChoices('NE');
    expect(choices.find((choice) => choice.selected)).toEqual({ code: 'NE', name: 'Niger', selected: true });
    expect(choices.find((choice) => choice.code === 'NL')?.name).toBe('Netherlands');
    const names = choices.map((choice) => choice.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
