// Each test class starts its own app and Chromium; on a two-core machine two of them at once starve each other's page
// loads past Playwright's 30 s wait. One class at a time keeps the suite within a few minutes and the waits honest.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
