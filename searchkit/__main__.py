"""`python -m searchkit` runs the command line."""
from .cli import main

main()
