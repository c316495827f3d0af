"""The phone remote: a page on the local network that drives presentation mode and follows it.

Off by default; see docs/remote.md.
"""
