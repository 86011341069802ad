"""Quality reports in Dutch: per plan and for an archive, as HTML, Markdown and JSON.

content.py / overview.py build the report as data; html.py and markdown.py render it;
files.py and archive.py write it. All document text is escaped by the renderers.
"""
