/** A strong ETag of the device's revision; every write bumps the revision, so every write changes it. */
export const deviceEtag = (id: number, revision: number): string => `"${id}.${revision}"`;

/**
 * RFC 9110 If-Match: `*` or a list of entity tags under strong comparison, so a weak tag never matches.
 * Returns the test the update applies to the revision it reads inside its transaction.
 */
export function ifMatchPrecondition(header: string, id: number): (revision: number) => boolean {
  const tags = header.split(',').map((tag) => tag.trim());
  return (revision) => tags.includes('*') || tags.includes(deviceEtag(id, revision));
}
