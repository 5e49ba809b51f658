import type { Key } from 'react';
import { useSearchParams } from 'react-router-dom';

type Order = 'asc' | 'desc';
type AntOrder = 'ascend' | 'descend';

/**
 * A list's server sort kept in the address as `sort` and `order`, for a
 * table whose column headers sort. The first of `sorts` is the default; a
 * time sort (`newestFirst`) goes newest first unless the address says
 * otherwise, the others A to Z. A new order starts again at the first page
 * (`page`); a new page keeps the order.
 */
export function useAddressSort<S extends string>(sorts: readonly [S, ...S[]], newestFirst: readonly S[]) {
  const [params, setParams] = useSearchParams();
  const defaultOrder = (s: S): Order => (newestFirst.includes(s) ? 'desc' : 'asc');
  const sort: S = sorts.find((x) => x === params.get('sort')) ?? sorts[0];
  const given = params.get('order');
  const order: Order = given === 'asc' || given === 'desc' ? given : defaultOrder(sort);

  /** The table's `onChange`: any row type's sorter carries the column key and order read here. */
  type Sorter = { order?: AntOrder | null; columnKey?: Key };
  const onTableChange = (pg: { current?: number }, _filters: unknown, sorter: Sorter | Sorter[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const next = new URLSearchParams(params);
    const key = one?.order ? (one.columnKey as S) : null;
    const nextOrder: Order = one?.order === 'descend' ? 'desc' : 'asc';
    if (key) {
      next.set('sort', key);
      next.set('order', nextOrder);
    } else {
      next.delete('sort');
      next.delete('order');
    }
    const changed = (key ?? sorts[0]) !== sort || (key ? nextOrder : defaultOrder(sorts[0])) !== order;
    if (!changed && pg.current && pg.current > 1) next.set('page', String(pg.current));
    else next.delete('page');
    setParams(next);
  };

  /** A sortable column's props: its header sorts, showing the order in force. */
  const sorted = (key: S) => ({
    sorter: true,
    sortOrder: sort === key ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null,
    sortDirections: (newestFirst.includes(key) ? ['descend', 'ascend'] : ['ascend', 'descend']) as AntOrder[],
  });

  return { sort, order, onTableChange, sorted };
}
