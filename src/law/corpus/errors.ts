import { defineErrors } from '../../shared/errors.js';

/** Errors of the law corpus, as the API and the command line report them. */
export const LawErrors = defineErrors({
  JF_LAW_ARTICLE_NOT_FOUND: {
    status: 404,
    message: {
      zh: '条例没有第{number}条；条文编号为第{first}条至第{last}条',
      en: 'The regulation has no Article {number}; its articles run from {first} to {last}',
    },
  },
});
