"""The Qt side of piritimer: adapters and widgets that render engine state."""
