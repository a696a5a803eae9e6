// Lists every browser test that failed once and passed on its retry, so a flaky test is
// seen and fixed rather than hidden by the retry (decision 015).
import type { Reporter, TestCase } from "vitest/node";

export default class RetriedReporter implements Reporter {
  private readonly retried: string[] = [];

  onTestCaseResult(testCase: TestCase) {
    const diagnostic = testCase.diagnostic();
    if (diagnostic?.flaky) this.retried.push(`${testCase.module.moduleId} > ${testCase.fullName}`);
  }

  onTestRunEnd() {
    if (this.retried.length === 0) return;
    console.warn(`\nPassed only on a retry (${this.retried.length}); fix these:`);
    for (const name of this.retried) console.warn(`  - ${name}`);
  }
}
