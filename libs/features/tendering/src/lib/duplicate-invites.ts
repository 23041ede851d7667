/** What an earlier invitation of the case has that a new one might repeat. */
export interface InvitedProvider {
  organisationName: string;
  contactEmails: string[];
  legalIdentifiers: Record<string, string>;
}

/** Names compared without letter case, character width, punctuation or spacing: "Northwind B.V." = "northwind bv". */
function comparableName(name: string): string {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Contact addresses of the candidate that are already invited to the case, with the provider they
 * belong to. A second invitation to the same person is refused: the officer re-issues that link instead.
 */
export function alreadyInvitedEmails(
  invited: InvitedProvider[],
  contactEmails: string[],
): Array<{ email: string; organisationName: string }> {
  const owner = new Map(
    invited.flatMap((provider) => provider.contactEmails.map((email) => [email.toLowerCase(), provider] as const)),
  );
  return contactEmails.flatMap((email) => {
    const provider = owner.get(email.trim().toLowerCase());
    return provider ? [{ email: email.trim().toLowerCase(), organisationName: provider.organisationName }] : [];
  });
}

/**
 * An invited provider that looks like the same organisation (same name, VAT number or LEI). Two bids
 * of one group can be deliberate, so this only warns; the officer confirms.
 */
export function sameOrganisation(invited: InvitedProvider[], candidate: InvitedProvider): InvitedProvider | undefined {
  const name = comparableName(candidate.organisationName);
  const identifiers = Object.entries(candidate.legalIdentifiers)
    .map(([scheme, value]) => [scheme, comparableName(value)] as const)
    .filter(([, value]) => value);
  return invited.find(
    (provider) =>
      comparableName(provider.organisationName) === name ||
      identifiers.some(([scheme, value]) => comparableName(provider.legalIdentifiers[scheme] ?? '') === value),
  );
}
