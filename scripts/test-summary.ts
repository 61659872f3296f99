/**
 * Prints one closing line for the whole suite — "Tests: N passed, N failed, N skipped" — from
 * the JSON reports of vitest (test-results/unit.json) and Playwright (test-results/e2e.json).
 */
import { readFileSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    console.error(`test-summary: ${path} is missing or unreadable`);
    return null;
  }
}

function vitestTally(report: unknown): Tally {
  const r = report as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
  } | null;
  return {
    passed: r?.numPassedTests ?? 0,
    failed: r?.numFailedTests ?? 0,
    skipped: (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0),
  };
}

function playwrightTally(report: unknown): Tally {
  const stats = (
    report as {
      stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
    } | null
  )?.stats;
  return {
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? 0,
    skipped: stats?.skipped ?? 0,
  };
}

const unit = vitestTally(readJson('test-results/unit.json'));
const e2e = playwrightTally(readJson('test-results/e2e.json'));
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
console.log(
  `Tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed, ${unit.skipped + e2e.skipped} skipped`,
);
process.exitCode = unit.failed + e2e.failed > 0 ? 1 : 0;
