// Prints one plain closing line, "tests: N passed, N failed, N skipped", as the last line of the
// run, so that whoever reads the end of a CI log sees at once whether tests ran and how they went.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results
    const line = `tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`
    // Jest's own summary is written after the reporters' hooks return; print after it.
    setImmediate(() => process.stderr.write(line))
  }
}

module.exports = SummaryReporter
