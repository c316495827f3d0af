"""The home window: library, preview and guided runner. Widgets render engine state only."""
