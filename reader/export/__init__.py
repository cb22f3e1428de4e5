"""Getting a library's work out and back in: Markdown, the W3C JSON archive, CSV,
backups and archive import. No Qt here; the app's Export dialog calls this API:

- `scope.ExportScope` (everything / article / for_tag / highlights) — what to export;
- `formats.render(library, scope, fmt)` / `formats.export_to_file(...)`, with
  `formats.FORMATS` and `formats.SUFFIXES` — the export itself;
- `backup.backup_database(library, dest)`, `backup.rolling_backup(db, folder, keep)`;
- `restore.restore_archive(library, path)` → `restore.RestoreResult`.

The archive format is documented in ARCHIVE.md beside this file.
"""
