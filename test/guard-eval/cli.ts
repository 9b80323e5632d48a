/*
 * npm run guard:eval [-- --language <code>] [--failures]: the empathy guard's precision and recall on the
 * evaluation set, per language, kind and rule. Exits 1 when a language misses the gate, as the test suite does.
 */
import { parseArgs } from 'node:util';
import { evaluate, falseBlockRate, formatReport, GATE, loadEvalSets, recall } from './evaluation.js';

const { values } = parseArgs({ options: { language: { type: 'string' }, failures: { type: 'boolean', default: false } } });
const sets = loadEvalSets().filter((set) => !values.language || set.language === values.language);
if (sets.length === 0) {
  console.error(`No evaluation set${values.language ? ` for "${values.language}"` : ''} in test/fixtures/guard-eval`);
  process.exit(2);
}
let pass = true;
for (const set of sets) {
  const report = evaluate(set);
  console.log(formatReport(report, values.failures), '\n');
  pass &&= falseBlockRate(report.total) <= GATE.maxFalseBlockRate && recall(report.total) >= GATE.minRecall;
}
process.exit(pass ? 0 : 1);
