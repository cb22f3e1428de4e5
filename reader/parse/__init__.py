"""Plain-text newspaper pages → articles. Pure functions, no Qt, no database.

bytes → text (`decode`), text → classified lines (`layout`, with `furniture` for the
page's own lines and `bylines` for datelines, bylines and credits), lines → article
boundaries from the page's layout evidence (`segments`), segments → articles
(`articles`, with `headlines` and its small trained models in `headline_model`, and
`punctuation`); `page` runs the whole way. `training` rebuilds the models from the corpus.
This file imports nothing, so the store can use `reader.parse.model` without loading the
parser (which the app's start-up does not need).
"""

#: Bumped whenever the parser cuts pages differently; pages stored with an older version
#: are parsed again on upgrade (`reader.store.library.Library.reparse_outdated`).
PARSER_VERSION = 2
