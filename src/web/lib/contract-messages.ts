/* eslint-disable lingui/no-unlocalized-strings -- the keys are the contracts' English, looked up, never shown */
import { t } from '@lingui/core/macro';
import { DESCRIPTION_MAX, TAG_MAX, TAGS_MAX_COUNT } from '@/contracts/device';
import { PASSWORD_MIN_LENGTH } from '@/contracts/operators';

/**
 * The contracts' own messages for the fields the forms edit, in the operator's language. The
 * contracts say them in English (the service sends them so); the forms show this instead. Keyed by
 * the contracts' text: a message changed there and not here shows in English, and
 * zod-resolver.test.ts fails.
 */
export const contractMessages = (): Readonly<Record<string, string>> => ({
  'Device name must be at least 2 characters.': t`Device name must be at least 2 characters.`,
  'Device name must be at most 64 characters.': t`Device name must be at most 64 characters.`,
  "Device name may contain only letters, digits and ()_,#.?'-@%&! (no spaces).": t`Device name may contain only letters, digits and ()_,#.?'-@%&! (no spaces).`,
  [`Description must be at most ${DESCRIPTION_MAX} characters.`]: t`Description must be at most ${DESCRIPTION_MAX} characters.`,
  'A tag cannot be empty.': t`A tag cannot be empty.`,
  [`A tag must be at most ${TAG_MAX} characters.`]: t`A tag must be at most ${TAG_MAX} characters.`,
  [`A device can have at most ${TAGS_MAX_COUNT} tags.`]: t`A device can have at most ${TAGS_MAX_COUNT} tags.`,
  'Tags must be unique.': t`Tags must be unique.`,
  'Device key must be at least 4 characters.': t`Device key must be at least 4 characters.`,
  'Device key must be at most 64 characters.': t`Device key must be at most 64 characters.`,
  'Device key may contain only letters, digits, hyphens (-), underscores (_) and dots (.).': t`Device key may contain only letters, digits, hyphens (-), underscores (_) and dots (.).`,
  'A user name has at least 3 characters.': t`A user name has at least 3 characters.`,
  'A user name has at most 64 characters.': t`A user name has at most 64 characters.`,
  'A user name may contain only letters, digits, dots, hyphens and underscores.': t`A user name may contain only letters, digits, dots, hyphens and underscores.`,
  [`A password has at least ${PASSWORD_MIN_LENGTH} characters.`]: t`A password has at least ${PASSWORD_MIN_LENGTH} characters.`,
  'A password has at most 128 characters.': t`A password has at most 128 characters.`,
  'Enter your user name.': t`Enter your user name.`,
  'Enter your password.': t`Enter your password.`,
});
