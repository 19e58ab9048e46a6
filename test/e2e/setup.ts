// A browser journey that fails once on a shared, busy machine is run once more, and the first
// failure is printed, so a real fault still fails and a timing hiccup is visible but not fatal.
jest.retryTimes(1, { logErrorsBeforeRetry: true })
