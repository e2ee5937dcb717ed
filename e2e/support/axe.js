// axe-core, injected into the page, run against WCAG 2.0/2.1/2.2 A and AA
// rules and axe's best practices. A failure prints every violation and where.
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export async function expectNoAxeViolations(page, label) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ` + v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('\n    '),
    );
  }, TAGS);
  expect(violations, `axe violations on ${label}`).toEqual([]);
}
