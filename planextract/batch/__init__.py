"""Batch conversion of whole archives: discovery (folders, zips, files), isolated workers,
resumable results, progress, index files and a summary. Entry point: `run.run_batch`."""
