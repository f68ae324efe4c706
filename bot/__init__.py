"""Comp Coach: a Slack bot that coaches people through job-offer negotiation."""

import os

# Comp Coach uses no pydantic plugins; looking them up scans every installed package's
# metadata at the first model build, a visible share of start-up. Set it to override.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
