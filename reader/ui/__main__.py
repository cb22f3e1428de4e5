"""`python -m reader.ui`: the app (see `reader.ui.launch`)."""

from reader.ui.launch import main

raise SystemExit(main())
