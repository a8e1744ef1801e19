"""Typed SQLAlchemy models, one module per domain.

Kept empty on purpose: importing a single model module must not drag in the others.
``communitydesk.models.registry`` imports them all (Alembic, schema tests).
"""
