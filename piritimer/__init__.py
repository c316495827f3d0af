"""piritimer: a guided home-exercise timer."""

__version__ = "0.1.0"
