"""Finding a D-Bus service that is running now (shared by the D-Bus platform modules)."""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection


def bus_with(service: str, bus: QDBusConnection | None = None) -> QDBusConnection | None:
    """``bus`` (default: the session bus) if ``service`` is registered on it now, else None.

    Only a service that is registered now counts: starting one by D-Bus activation could
    block start-up for as long as it takes to launch.
    """
    if bus is None:
        bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    registered = bus.interface().isServiceRegistered(service)
    if not registered.isValid() or not registered.value():
        return None
    return bus
