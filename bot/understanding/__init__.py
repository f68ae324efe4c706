"""Reading a DM: each message becomes an `Utterance` with an intent and entities with roles.

Nothing else in the coach reads raw text. `understand(text, context)` is the one entry
point (bot/understanding/reader.py); the coach (bot/coaching/coach.py) maps the intent to a
handler and the entities to case operations (bot/coaching/operations.py). Only the DM coach
imports this package, so `/comp` start-up does not load it.
"""
