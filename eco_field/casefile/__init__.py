"""Case files: one zip that hands a case over — documents, evidence originals, reading sources, a manifest
with every SHA-256 and the audit-chain entries that cover them — and a verifier that needs no database."""
