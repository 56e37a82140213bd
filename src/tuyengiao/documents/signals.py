"""Signals other apps may listen to (the plans app links implementing plans through this)."""

from django.dispatch import Signal

# Sent after a document is saved to the library (upload confirmed, imported, or corrected),
# once the transaction commits: ``sender=Document, document=<Document>, created=<bool>``.
document_saved = Signal()
