"""Search: a query in any language -> the cards that answer it, and what the bot should do.

Data flows one way: language.py (terms, stop words) -> index.py (BM25F per language) ->
scoring.py (a query's scores) -> decision.py (open / list / none) -> searcher.py (languages).
"""

from .decision import LIST, NONE, OPEN
from .searcher import Answer, Hit, Searcher

__all__ = ["Answer", "Hit", "LIST", "NONE", "OPEN", "Searcher"]
