import { Type, type Static } from '@sinclair/typebox';
import { BilingualSchema, CitationSchema } from '../law/index.js';

/** The dashboard API's bodies: the schema is the type. */

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);

export const DashboardQuerySchema = Type.Object(
  {
    division: Type.Optional(
      Type.String({ pattern: '^21[0-9]{4}$', description: 'GB/T 2260 code of the place to show: the province (210000), a city or a county within your jurisdiction; your own jurisdiction when omitted' }),
    ),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuerySchema>;

export const ArticleRefSchema = Type.Object({
  citation: CitationSchema,
  label: BilingualSchema,
  href: Type.String({ description: 'The article in the web app, `/law/N#pX-iY`' }),
});

export const PlaceSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** The same dashboard one level down; null for a county. */
  drill: nullable(Type.String({ description: 'API query of the dashboard for this place, when it has places below it' })),
});

export const FigureKeySchema = Type.Union(
  ['keyUnits', 'keyUnitsInViolation', 'openHazards', 'rectificationOrders', 'overdue', 'filingsWaiting', 'complaints', 'accesses', 'refusals', 'emergencyAwaitingReview', 'systemsOffline'].map((k) => Type.Literal(k)),
);

export const FigureSchema = Type.Object({
  key: FigureKeySchema,
  label: BilingualSchema,
  value: Type.Integer({ minimum: 0 }),
  article: nullable(ArticleRefSchema),
  /** Where the figure's rows are listed in the web app, filtered to this place. */
  href: Type.String(),
  /** The figure per place of `places`, by code. */
  byPlace: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
});

export const CategoryRowSchema = Type.Object({
  item: Type.Integer({ minimum: 1, maximum: 12 }),
  label: BilingualSchema,
  article: ArticleRefSchema,
  total: Type.Integer({ minimum: 0 }),
  violation: Type.Integer({ minimum: 0, description: 'Units with at least one violation found by the last sweep' }),
  obligation: Type.Integer({ minimum: 0, description: 'Units with no violation but a duty still to be shown met' }),
  compliant: Type.Integer({ minimum: 0 }),
  href: Type.String({ description: 'The registry list of these units' }),
  violationHref: Type.String({ description: 'The findings list of these places, violations only' }),
});

export const SeriesSchema = Type.Object({
  key: Type.Union(['casesOpened', 'accesses', 'refusals'].map((k) => Type.Literal(k))),
  label: BilingualSchema,
  article: nullable(ArticleRefSchema),
  href: Type.String(),
  values: Type.Array(Type.Integer({ minimum: 0 }), { description: 'One per month of `months`' }),
});

export const DeadlineSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  state: Type.String(),
  stateLabel: BilingualSchema,
  divisionCode: Type.String(),
  divisionName: nullable(Type.String()),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  href: Type.String(),
});

export const DashboardSchema = Type.Object({
  at: Type.String({ description: 'When the figures were read' }),
  division: Type.Object({ code: Type.String(), name: Type.String(), level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]) }),
  /** The place above, to go back up; null at the top of the caller's jurisdiction. */
  parent: nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  by: Type.Union([Type.Literal('city'), Type.Literal('county')]),
  places: Type.Array(PlaceSchema),
  sweep: nullable(Type.Object({ startedAt: Type.String(), finishedAt: nullable(Type.String()), asOf: Type.String() })),
  figures: Type.Array(FigureSchema),
  categories: Type.Array(CategoryRowSchema),
  months: Type.Array(Type.String({ description: '`YYYY-MM`, China time' })),
  series: Type.Array(SeriesSchema),
  deadlines: Type.Array(DeadlineSchema),
  /** What the data does not hold yet, each with the article it would serve. */
  gaps: Type.Array(Type.Object({ key: Type.String(), label: BilingualSchema, article: ArticleRefSchema })),
});
export type Dashboard = Static<typeof DashboardSchema>;
