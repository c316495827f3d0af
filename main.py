"""Launch piritimer from a source checkout: ``python main.py [FILE]``."""

from piritimer.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
