/** How the lists of applications and requests sort and page: one page of a filtered list and how many the filter finds. */

/** `created` (filed), `window` (start of the footage asked for) or `id`; ties always break by id. */
export const LIST_SORTS = ['id', 'created', 'window'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const LIST_SORT_COLUMNS = { id: 'id', created: 'createdAt', window: 'windowFrom' } as const satisfies Record<ListSort, string>;

export const LIST_ORDERS = ['asc', 'desc'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];

export interface ListPage<T> {
  total: number;
  items: T[];
}
