"""``python -m claimdesk``: the command line."""

from claimdesk import main

main()
