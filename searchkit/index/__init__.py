"""The writing side of the index: schema, on-disk layout, and the indexer."""
