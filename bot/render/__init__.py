"""Replies as Block Kit messages, built from the Jinja2 templates in `responses/`."""
