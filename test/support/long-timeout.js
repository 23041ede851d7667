// End-to-end suites start real processes and browsers.
jest.setTimeout(180000);
