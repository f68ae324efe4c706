"""Whether a message states someone's own offer: the test that keeps figures out of channels.

A lookup (`planetscale ml sf`) is public knowledge from a guide; an offer (`$168k base`,
`another offer from Acme for $300k`, `I currently make 160k`, `10,000 shares`) is the
person's own business. The message is read by the DM's understanding layer
(bot/understanding), loaded here on a mention's first use only. A bare number with no
currency, unit or part word (`2024`) is not taken for an offer.
"""

from __future__ import annotations


def states_an_offer(text: str) -> bool:
    from bot.understanding.reader import understand

    utterance = understand(text or "")
    if utterance.unreadable or utterance.rivals:
        return True
    return any(
        amount.unit != "money" or amount.currency or amount.component or not amount.text.replace(",", "").isdigit()
        for amount in utterance.amounts
    )
