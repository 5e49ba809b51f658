import type { Citation } from '../../shared/citation.js';

/** @see art 37: 本条例自2015年2月1日起施行。 Every rule's first version starts here. */
export const REGULATION_IN_FORCE_FROM = '2015-02-01';
export const IN_FORCE_CITATION: Citation = { article: 37 };
export const REGULATION_ID = 'liaoning-2014';
