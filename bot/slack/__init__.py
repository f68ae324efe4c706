"""The Slack app: Bolt listeners over HTTP (gunicorn) and Socket Mode.

Nothing in here decides what to answer: listeners turn a Slack payload into a
`Conversation.handle(...)` call and deliver the `Reply` the Slack way.
"""
