"""Widgets shared by the home window and presentation mode (image, dial, fitted text, colours)."""
