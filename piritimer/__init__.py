"""piritimer: a guided home-exercise timer."""

__version__ = "0.2.0"
