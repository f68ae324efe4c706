"""The guide catalog: model, readers, loading and query resolution. Knows nothing of Slack."""
