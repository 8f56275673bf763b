"""Members' personal data: the legal pages (terms, privacy notice, legal notice,
accessibility statement), consent to the versioned documents, the export of everything a
member owns and the deletion of their account."""
