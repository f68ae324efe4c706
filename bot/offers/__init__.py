"""Offers: reading figures people type, and the arithmetic a coach does with them.

Pure functions over the guide model: no Slack, no store, no templates.
"""
