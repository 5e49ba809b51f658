import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderWorkflowsMarkdown } from './index.js';

const FILE = fileURLToPath(new URL('../../docs/workflows.md', import.meta.url));

describe('docs/workflows.md', () => {
  it('is what the machines say (regenerate with `jifang workflow docs > docs/workflows.md`)', () => {
    expect(fs.readFileSync(FILE, 'utf8')).toBe(renderWorkflowsMarkdown());
  });
  it('has a table of states and of transitions for each machine, with actors, rules and deadlines', () => {
    const md = renderWorkflowsMarkdown();
    expect(md.match(/^\| state \|/gm)).toHaveLength(8);
    expect(md.match(/^\| transition \| from → to \| actor \| guard rule \| citation \| issues \|$/gm)).toHaveLength(8);
    expect(md).toContain('| `decide-fine` 逾期不改正，作出罚款决定');
    expect(md).toContain('`art9.p2.consult-police-before-adjusting`');
  });
});
