"""Full-text search structures, one per database vendor (see documents/search/).

SQLite: an FTS5 external-content table over ``search_folded`` kept in step by triggers.
PostgreSQL: ``unaccent`` (available to ad-hoc queries), a stored generated ``search_vector``
column built with the 'simple' configuration from the already-folded words, and a GIN index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
        search_folded, content='documents_document', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents_document BEGIN
        INSERT INTO documents_fts(rowid, search_folded) VALUES (new.id, new.search_folded);
    END""",
    """CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents_document BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, search_folded) VALUES('delete', old.id, old.search_folded);
    END""",
    """CREATE TRIGGER IF NOT EXISTS documents_fts_au AFTER UPDATE OF search_folded ON documents_document BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, search_folded) VALUES('delete', old.id, old.search_folded);
        INSERT INTO documents_fts(rowid, search_folded) VALUES (new.id, new.search_folded);
    END""",
    "INSERT INTO documents_fts(documents_fts) VALUES('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS documents_fts_ai",
    "DROP TRIGGER IF EXISTS documents_fts_ad",
    "DROP TRIGGER IF EXISTS documents_fts_au",
    "DROP TABLE IF EXISTS documents_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """ALTER TABLE documents_document ADD COLUMN IF NOT EXISTS search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', search_folded)) STORED""",
    "CREATE INDEX IF NOT EXISTS documents_document_search_gin ON documents_document USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS documents_document_number_key_like ON documents_document (number_key varchar_pattern_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS documents_document_number_key_like",
    "DROP INDEX IF EXISTS documents_document_search_gin",
    "ALTER TABLE documents_document DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    statements = (
        SQLITE_FORWARD if vendor == "sqlite" else POSTGRES_FORWARD if vendor == "postgresql" else []
    )
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    statements = (
        SQLITE_BACKWARD
        if vendor == "sqlite"
        else POSTGRES_BACKWARD
        if vendor == "postgresql"
        else []
    )
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
