"""quotecli: find quotes and claims in news articles and ask who said them.

Everything the command line does is available from Python::

    import quotecli

    found = quotecli.extract_quotes("“We will rebuild,” the mayor said.")
    with quotecli.Store("news.db") as store:
        quotecli.index_articles(store, quotecli.read_articles(["articles/"]))
        for row in quotecli.who_said(store, "rebuild"):
            print(row["speaker"], row["text"])

Names are loaded on first use, so ``import quotecli`` (and so every start of the
command line) does not pay for SQLite, fuzzy matching or the extraction engine.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Public name -> "module:attribute" that defines it. The engine's function is
# exported as ``extract_quotes`` because ``quotecli.extract`` is its package.
_EXPORTS = {
    "extract_quotes": "quotecli.extract:extract",
    "Article": "quotecli.model:Article",
    "Extraction": "quotecli.model:Extraction",
    "Quote": "quotecli.model:Quote",
    "Speaker": "quotecli.model:Speaker",
    "KINDS": "quotecli.model:KINDS",
    "ExitStatus": "quotecli.errors:ExitStatus",
    "QuotecliError": "quotecli.errors:QuotecliError",
    "InputError": "quotecli.errors:InputError",
    "DatabaseError": "quotecli.errors:DatabaseError",
    "QueryError": "quotecli.errors:QueryError",
    "NotFoundError": "quotecli.errors:NotFoundError",
    "read_articles": "quotecli.documents:read_articles",
    "content_hash": "quotecli.documents:content_hash",
    "Store": "quotecli.store:Store",
    "default_db_path": "quotecli.store:default_db_path",
    "who_said": "quotecli.search:who_said",
    "list_quotes": "quotecli.search:list_quotes",
    "list_speakers": "quotecli.search:list_speakers",
    "get_quote": "quotecli.search:get_quote",
    "ensure_seeded": "quotecli.search:ensure_seeded",
    "index_articles": "quotecli.indexing:index_articles",
    "IndexSummary": "quotecli.indexing:IndexSummary",
    "Reader": "quotecli.documents:Reader",
    "Fields": "quotecli.documents:Fields",
    "seed_paths": "quotecli.bundled:seed_paths",
    "check_quote": "quotecli.check:check_quote",
    "trace_quote": "quotecli.trace:trace",
    "QuoteFilter": "quotecli.filters:QuoteFilter",
    "list_articles": "quotecli.articles:list_articles",
    "resolve_article": "quotecli.articles:resolve_article",
    "remove_articles": "quotecli.articles:remove_articles",
    "prune": "quotecli.articles:prune",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _EXPORTS:
        module, _, attribute = _EXPORTS[name].partition(":")
        value = getattr(import_module(module), attribute)
    else:
        raise AttributeError(f"module 'quotecli' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotecli")
    except PackageNotFoundError:
        # Running from a source tree that was never installed.
        return "0+unknown"
