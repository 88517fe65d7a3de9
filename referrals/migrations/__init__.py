"""Alembic migrations of the referral directory (version table ``referrals_alembic_version``)."""
