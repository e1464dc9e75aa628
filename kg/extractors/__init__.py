"""One extractor per kind of fact.  Each takes a ``Context`` and returns ``Statement``s."""
