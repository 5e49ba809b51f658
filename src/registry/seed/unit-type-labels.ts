import { art10ItemOf, UNIT_TYPE_ART10_ITEM } from '../../law/index.js';

export { art10ItemOf };

/** Chinese labels of the unit types, for generated names. */
export const UNIT_TYPE_ART10_ITEM_LABELS: Record<string, string> = Object.fromEntries(Object.entries(UNIT_TYPE_ART10_ITEM).map(([k, v]) => [k, v.label.zh]));
