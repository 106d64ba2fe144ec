"""What the bot does with a search: open the best card, offer a list, or say it found nothing.

A card opens by itself only when its score is high and well ahead of the next card. The two
constants were chosen by `python -m bot.search.calibrate` on the tuned query sets (never on the
held-out ones), as the most permissive pair whose opened cards were right at least 98% of the time
there; `python main.py bench` reports how often a wrong card opens on the held-out questions.
"""

from __future__ import annotations

OPEN, LIST, NONE = "open", "list", "none"
OPEN_SCORE = 22.0  # the best card's BM25F score
OPEN_LEAD = 0.35  # the next card scores at most this share of the best
LIST_SCORE = 2.5  # below this, nothing matched well enough to offer
# A question about a topic no card answers: the score the rest of its words must give a card for the bot to
# offer the cards "for part of it". Chosen on the tuned sets' questions no card answers (16 of the 212 that
# got nothing then get such a list) and 40 mixed questions the lead wrote before trying any (27 -> 37 with a right card).
PARTLY_SCORE = 10.0


def decide(scores: list[float], open_score: float = OPEN_SCORE, open_lead: float = OPEN_LEAD,
           word_found: bool = False) -> str:
    """`scores`: the best cards' scores, best first. `word_found`: a content word of the query is a
    word of the cards' keywords as typed (not a look-alike): then the cards are offered even when the word is so
    common that it scores low ("lawyer", "papers"), rather than "not found"."""
    if not scores or (scores[0] < LIST_SCORE and not word_found):
        return NONE
    runner_up = scores[1] if len(scores) > 1 else 0.0
    if scores[0] >= open_score and runner_up <= open_lead * scores[0]:
        return OPEN
    return LIST
