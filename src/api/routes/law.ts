import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import {
  ARTICLE_RANGE,
  articleExcerpt,
  articleHeading,
  chapterHeading,
  getArticle,
  INSTRUMENT_LEVELS,
  INSTRUMENTS,
  LawErrors,
  listArticles,
  REGULATION,
  type InstrumentLevel,
  type LawArticle,
  type LawChapter,
} from '../../law/corpus/index.js';
import { citationHref, formatCitation } from '../../shared/citation.js';
import { AppError } from '../../shared/errors.js';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

const InstrumentSummary = Type.Object({
  id: Type.String(),
  title: Bilingual,
  citedAs: Bilingual,
  adopted: Type.Optional(Type.String({ format: 'date' })),
  adoptedBy: Type.Optional(Bilingual),
  inForce: Type.String({ format: 'date' }),
  level: Type.Unsafe<InstrumentLevel>({ type: 'string', enum: [...INSTRUMENT_LEVELS] }),
  textAvailable: Type.Boolean(),
  note: Type.Optional(Bilingual),
});

const ChapterSchema = Type.Object({
  number: Type.Integer(),
  /** As published, typographic spacing included (`总 则`). */
  zh: Type.String(),
  zhDisplay: Type.String(),
  en: Type.String(),
  heading: Bilingual,
  articles: Type.Array(Type.Integer()),
});

const ArticleSummary = Type.Object({
  number: Type.Integer(),
  chapter: Type.Integer(),
  heading: Bilingual,
  excerpt: Bilingual,
  href: Type.String(),
});

const LawIndex = Type.Object({
  /** Id of the instrument whose text follows: the Liaoning regulation. */
  regulation: Type.String(),
  instruments: Type.Array(InstrumentSummary),
  chapters: Type.Array(ChapterSchema),
  articles: Type.Array(ArticleSummary),
});

const ItemSchema = Type.Object({
  number: Type.Integer(),
  anchor: Type.String(),
  href: Type.String(),
  label: Bilingual,
  zh: Type.String(),
  en: Type.String(),
});

const ParagraphSchema = Type.Object({
  number: Type.Integer(),
  anchor: Type.String(),
  href: Type.String(),
  label: Bilingual,
  zh: Type.String(),
  en: Type.String(),
  items: Type.Array(ItemSchema),
});

const ArticleSchema = Type.Object({
  instrument: Type.String(),
  number: Type.Integer(),
  heading: Bilingual,
  label: Bilingual,
  href: Type.String(),
  chapter: ChapterSchema,
  paragraphs: Type.Array(ParagraphSchema),
  previous: Type.Union([Type.Integer(), Type.Null()]),
  next: Type.Union([Type.Integer(), Type.Null()]),
});

const ErrorSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  messages: Bilingual,
  validRange: Type.Optional(Type.Object({ first: Type.Integer(), last: Type.Integer() })),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Bilingual }, { additionalProperties: true }))),
});

type ChapterBody = Static<typeof ChapterSchema>;
type ArticleBody = Static<typeof ArticleSchema>;

function chapterBody(c: LawChapter): ChapterBody {
  return { number: c.number, zh: c.zh, zhDisplay: c.zhDisplay, en: c.en, heading: chapterHeading(c), articles: c.articles };
}

function articleBody(a: LawArticle): ArticleBody {
  const chapter = REGULATION.chapters.find((c) => c.number === a.chapter)!;
  return {
    instrument: REGULATION.id,
    number: a.number,
    heading: articleHeading(a.number),
    label: formatCitation({ article: a.number }),
    href: citationHref({ article: a.number }),
    chapter: chapterBody(chapter),
    paragraphs: a.paragraphs.map((p) => {
      const pc = { article: a.number, paragraph: p.number };
      return {
        number: p.number,
        anchor: p.anchor,
        href: citationHref(pc),
        label: formatCitation(pc),
        zh: p.zh,
        en: p.en,
        items: p.items.map((i) => {
          const ic = { ...pc, item: i.number };
          return { number: i.number, anchor: i.anchor, href: citationHref(ic), label: formatCitation(ic), zh: i.zh, en: i.en };
        }),
      };
    }),
    previous: getArticle(a.number - 1) ? a.number - 1 : null,
    next: getArticle(a.number + 1) ? a.number + 1 : null,
  };
}

// The text never changes while the server runs: build the answers once.
const lawIndex: Static<typeof LawIndex> = {
  regulation: REGULATION.id,
  instruments: INSTRUMENTS.map((i) => ({
    id: i.id,
    title: i.title,
    citedAs: i.citedAs,
    ...(i.adopted ? { adopted: i.adopted } : {}),
    ...(i.adoptedBy ? { adoptedBy: i.adoptedBy } : {}),
    inForce: i.inForce,
    level: i.level,
    textAvailable: i.textAvailable,
    ...(i.note ? { note: i.note } : {}),
  })),
  chapters: REGULATION.chapters.map(chapterBody),
  articles: listArticles().map((a) => ({
    number: a.number,
    chapter: a.chapter,
    heading: articleHeading(a.number),
    excerpt: articleExcerpt(a),
    href: citationHref({ article: a.number }),
  })),
};
const articleBodies = new Map(listArticles().map((a) => [a.number, articleBody(a)]));

const CACHE = 'public, max-age=3600';

/** The regulation itself, for anyone: no login (Art 4 ¶1: openness). */
export const lawRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/law',
    {
      config: { public: true },
      schema: {
        tags: ['law'],
        summary: 'The instruments the platform cites, and the chapters and articles of the regulation',
        response: { 200: LawIndex },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', CACHE);
      return lawIndex;
    },
  );

  app.get(
    '/api/v1/law/articles/:number',
    {
      config: { public: true },
      schema: {
        tags: ['law'],
        summary: 'One article of the regulation: its paragraphs and items in Chinese and English, with anchors',
        params: Type.Object({ number: Type.Integer({ description: `Article number, ${ARTICLE_RANGE.first}-${ARTICLE_RANGE.last}` }) }),
        response: { 200: ArticleSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      const body = articleBodies.get(req.params.number);
      if (!body) {
        throw new AppError(LawErrors.JF_LAW_ARTICLE_NOT_FOUND, {
          params: { number: req.params.number, ...ARTICLE_RANGE },
          extra: { validRange: { ...ARTICLE_RANGE } },
        });
      }
      reply.header('cache-control', CACHE);
      return body;
    },
  );
};
