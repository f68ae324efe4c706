"""Test helpers shared across suites: a local Slack Web API stand-in and request signing."""
