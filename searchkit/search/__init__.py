"""The reading side of the index: query syntax, ranked search, snippets."""
