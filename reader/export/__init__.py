"""Getting a library's work out and back in: Markdown, the W3C JSON archive, CSV,
backups and archive import. No Qt here; the app's Export dialog calls this API:

- `scope.ExportScope` (everything / article / for_tag / highlights) — what to export;
- `formats.render(library, scope, fmt)` / `formats.export_to_file(...)`, with
  `formats.FORMATS` and `formats.SUFFIXES` — the export itself;
- `formats.export_to_file(..., overwrite=)` and `backup.backup_database(library, dest,
  overwrite=)`, `backup.rolling_backup(db, folder, keep, budget=)` (compressed copies,
  `backup.restore_rolling_backup` to get one back);
- `output_path.checked_output(dest, db_path, overwrite=)` — may this file be written
  (never the library, its side files, a database in use, a folder or a device)? A save
  dialog calls it before it accepts a name;
- `restore.restore_archive(library, path)` → `restore.RestoreResult`: the file is read
  here and checked (`archive_schema.archive_problems`), then the store writes its rows
  in one transaction (`library.archive.restore`).

The archive format is documented in ARCHIVE.md beside this file.
"""
