"""Reading source documents: formats (files -> documents), passages, the search index, the cache,
and the limits that keep a hostile file from costing more than a line in the problems list.
The public face is :mod:`claimkit.sources`.
"""
