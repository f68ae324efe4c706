"""Whether a message states someone's own offer: the test that keeps figures out of channels.

A lookup (`planetscale ml sf`) is public knowledge from a guide; an offer (`$168k base`,
`another offer from Acme for $300k`) is the person's own business. A bare number with no
currency, unit or component word (`2024`) is not taken for an offer.
"""

from __future__ import annotations

from bot.offers.parse import parse_offer_text


def states_an_offer(text: str) -> bool:
    parsed = parse_offer_text(text or "")
    if parsed.bonus_percent is not None or parsed.competing or parsed.unreadable:
        return True
    return any(
        figure.currency or figure.kind or not figure.text.replace(",", "").isdigit() for figure in parsed.figures
    )
