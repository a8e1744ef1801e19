"""Profiles on a shared PC: the chooser, the lock, rights in screens, the administrator's screens."""
